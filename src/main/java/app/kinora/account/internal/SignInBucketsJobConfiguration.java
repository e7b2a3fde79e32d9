package app.kinora.account.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Deletes the sign-in buckets that are full again, hourly, on one node at a time. */
@Configuration(proxyBeanMethods = false)
class SignInBucketsJobConfiguration {

  @Bean
  RecurringTask<Void> signInBucketsTask(SignInThrottle throttle) {
    return Tasks.recurring("sign-in-buckets", FixedDelay.of(Duration.ofHours(1)))
        .execute((instance, context) -> throttle.removeExpired());
  }
}
