package app.kinora.privacy.internal;

import app.kinora.privacy.PolicyAnnouncements;
import app.kinora.privacy.PrivacyProperties;
import app.kinora.privacy.RetentionEngine;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The retention engine and the policy announcements as recurring jobs, each run on one node at a time. */
@Configuration(proxyBeanMethods = false)
class RetentionJobConfiguration {

  /** Material policy changes are announced within ten minutes of their date, by one node. */
  @Bean
  RecurringTask<Void> policyAnnouncementTask(PolicyAnnouncements announcements) {
    return Tasks.recurring("policy-announcements", FixedDelay.of(java.time.Duration.ofMinutes(10)))
        .execute((instance, context) -> announcements.announcePending());
  }

  @Bean
  RecurringTask<Void> retentionTask(RetentionEngine engine, PrivacyProperties properties) {
    return Tasks.recurring("retention", FixedDelay.of(properties.retentionInterval()))
        .execute((instance, context) -> engine.runAll());
  }
}
