package app.kinora.platform;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * The cluster-safe job scheduler (db-scheduler) shared by every node. Modules contribute their
 * tasks as beans; recurring ones are scheduled on start (once for the cluster). The data source is transaction-aware so that scheduling a job commits or rolls
 * back together with the row that asked for it.
 */
@Configuration(proxyBeanMethods = false)
class JobSchedulerConfiguration {

  @Bean(destroyMethod = "stop")
  Scheduler jobScheduler(
      DataSource dataSource, List<Task<?>> tasks, PlatformProperties properties) {
    var jobs = properties.jobs();
    var recurring = tasks.stream()
        .filter(task -> task instanceof RecurringTask<?>)
        .map(task -> (RecurringTask<?>) task)
        .toList();
    var others =
        tasks.stream().filter(task -> !(task instanceof RecurringTask<?>)).toList();
    return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), others)
        .startTasks(recurring)
        .threads(jobs.threads())
        .pollingInterval(jobs.pollingInterval())
        .heartbeatInterval(jobs.heartbeatInterval())
        .missedHeartbeatsLimit(jobs.missedHeartbeats())
        .enableImmediateExecution()
        // fair queueing (see the generation module's GenerationJob): a job is taken only when a
        // worker is free, the highest priority first, so a job queued later can still go next
        .enablePriority()
        .pollUsingLockAndFetch(0.5, 1.0)
        .shutdownMaxWait(Duration.ofSeconds(5))
        .build();
  }

  /** Workers start only once the whole application is ready to serve their results. */
  @EventListener(ApplicationReadyEvent.class)
  void startWorkers(ApplicationReadyEvent event) {
    event.getApplicationContext().getBean(Scheduler.class).start();
  }
}
