package app.kinora.safety.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Deletes the fair-use buckets that are full again (a bucket left alone refills: its row says no
 * more than a new one would), hourly, on one node at a time, in batches.
 */
@Configuration(proxyBeanMethods = false)
class RateBucketsJobConfiguration {

  @Bean
  RecurringTask<Void> rateBucketsTask(RateLimits limits) {
    return Tasks.recurring("safety-rate-buckets", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> {
          while (limits.removeExpired() >= 1000) {
            // a full batch: there may be more
          }
        });
  }
}
