package app.kinora.platform;

import app.kinora.platform.JobSchedulerConfiguration.NodeName;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This node's job workers: started once the application is ready (on worker nodes only), and
 * drained when the node stops. A drain stops taking jobs at once, lets the running ones finish
 * within {@code kinora.node.drain-grace}, interrupts the rest and hands their claims back, so that
 * another node takes them at its next poll instead of after the heartbeat timeout. Health {@code
 * workers} (in the readiness group) is UP once the workers run, or always on a web-only node.
 */
@Component("workers")
class JobWorkers implements SmartLifecycle, HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(JobWorkers.class);

  /** After the SSE streams close (ProgressBus, default phase), before the web server stops. */
  static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 100;

  private final Scheduler scheduler;
  private final PlatformProperties.Node node;
  private final NodeName name;
  private final JdbcClient jdbc;
  private volatile boolean running;
  private volatile boolean started;
  private volatile boolean draining;

  JobWorkers(
      Scheduler scheduler, PlatformProperties properties, NodeName name, DataSource dataSource) {
    this.scheduler = scheduler;
    this.node = properties.node();
    this.name = name;
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** Workers start only once the whole application is ready to serve their results. */
  @EventListener(ApplicationReadyEvent.class)
  void startWorkers() {
    if (node.isWorker() && running && !draining) {
      scheduler.start();
      started = true;
      log.info("Job workers started on {} (roles {})", name.value(), node.roles());
    } else if (!node.isWorker()) {
      log.info("This node takes no jobs (roles {})", node.roles());
    }
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    draining = true;
    try {
      if (started) {
        drain();
      } else {
        scheduler.stop();
      }
    } finally {
      running = false;
    }
  }

  private void drain() {
    scheduler.pause(); // no new claims from now on; heartbeats go on
    var deadline = Instant.now().plus(node.drainGrace());
    int before = scheduler.getCurrentlyExecuting().size();
    log.info("Draining: {} job(s) running, waiting up to {}", before, node.drainGrace());
    while (!scheduler.getCurrentlyExecuting().isEmpty() && Instant.now().isBefore(deadline)) {
      if (!pause(Duration.ofMillis(100))) {
        break;
      }
    }
    scheduler.stop(); // interrupts what is still running, waits a second for it to give up
    int handedBack = handBack();
    log.info(
        "Drained: {} of {} job(s) ended here, {} handed back to other nodes",
        Math.max(0, before - handedBack),
        before,
        handedBack);
  }

  /** Releases every claim of this node, due at once: the next poll of any node takes them. */
  int handBack() {
    return jdbc.sql("""
            update scheduled_tasks
               set picked = false, picked_by = null, last_heartbeat = null,
                   execution_time = now(), version = version + 1
             where picked and picked_by = ?""").param(name.value()).update();
  }

  private static boolean pause(Duration duration) {
    try {
      Thread.sleep(duration);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public Health health() {
    if (!node.isWorker()) {
      return Health.up()
          .withDetail("roles", node.roles())
          .withDetail("jobs", "none")
          .build();
    }
    var state = scheduler.getSchedulerState();
    var health = started && !state.isShuttingDown() ? Health.up() : Health.down();
    return health
        .withDetail("roles", node.roles())
        .withDetail("running", scheduler.getCurrentlyExecuting().size())
        .withDetail("paused", state.isPaused())
        .build();
  }
}
