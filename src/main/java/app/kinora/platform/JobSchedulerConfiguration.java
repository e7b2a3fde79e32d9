package app.kinora.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The cluster-safe job scheduler (db-scheduler) shared by every node. Modules contribute their
 * tasks as beans; recurring ones are scheduled on start (once for the cluster). The data source is
 * transaction-aware so that scheduling a job commits or rolls back together with the row that
 * asked for it. Workers claim due jobs with lock-and-fetch ({@code UPDATE … WHERE … IN (SELECT … FOR
 * UPDATE SKIP LOCKED) RETURNING}: one statement, no two nodes ever take the same job), the higher
 * priority first. Every node can schedule jobs; only worker nodes start the scheduler ({@link
 * JobWorkers}).
 */
@Configuration(proxyBeanMethods = false)
class JobSchedulerConfiguration {

  /**
   * Once the drain grace has passed ({@link JobWorkers}), how long db-scheduler waits before it
   * interrupts the jobs still running, and again for them to give up.
   */
  static final Duration AFTER_GRACE = Duration.ofSeconds(1);

  /**
   * The name this node's claims carry ({@code picked_by}): unique per process, so that a node handing
   * back its jobs never touches another's, even with several nodes on one host.
   */
  record NodeName(String value) {}

  @Bean
  NodeName nodeName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return new NodeName(host + "#" + ProcessHandle.current().pid() + "-"
        + UUID.randomUUID().toString().substring(0, 8));
  }

  @Bean
  Scheduler jobScheduler(
      DataSource dataSource,
      List<Task<?>> tasks,
      PlatformProperties properties,
      NodeName nodeName) {
    var jobs = properties.jobs();
    var recurring = tasks.stream()
        .filter(task -> task instanceof RecurringTask<?>)
        .map(task -> (RecurringTask<?>) task)
        .toList();
    var others =
        tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
    return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
        .startTasks(recurring)
        .schedulerName(new SchedulerName.Fixed(nodeName.value()))
        .threads(jobs.threads())
        .pollingInterval(jobs.pollingInterval())
        .pollUsingLockAndFetch(0.5, 1.0)
        .enablePriority()
        .heartbeatInterval(jobs.heartbeatInterval())
        .missedHeartbeatsLimit(jobs.missedHeartbeats())
        .enableImmediateExecution()
        // fair queueing (see the generation module's GenerationJob): a job is taken only when a
        // worker is free (lock-and-fetch above), the highest priority first, so a job queued
        // later can still go next
        .shutdownMaxWait(AFTER_GRACE)
        .build();
  }
}
