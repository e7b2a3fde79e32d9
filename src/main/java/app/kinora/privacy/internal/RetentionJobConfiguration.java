package app.kinora.privacy.internal;

import app.kinora.privacy.PrivacyProperties;
import app.kinora.privacy.RetentionEngine;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention engine as a recurring job: db-scheduler runs it on one node at a time. */
@Configuration(proxyBeanMethods = false)
class RetentionJobConfiguration {

  @Bean
  RecurringTask<Void> retentionTask(RetentionEngine engine, PrivacyProperties properties) {
    return Tasks.recurring("retention", FixedDelay.of(properties.retentionInterval()))
        .execute((instance, context) -> engine.runAll());
  }
}
