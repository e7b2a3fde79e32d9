package app.kinora.backup.internal;

import app.kinora.backup.Backups;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** With {@code kinora.backup.schedule} set, backups are taken on that schedule by one worker node. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${kinora.backup.schedule:}'.isBlank()")
class BackupJobConfiguration {

  @Bean
  RecurringTask<Void> backupTask(Backups backups, app.kinora.backup.BackupProperties properties) {
    return Tasks.recurring("backup", Schedules.cron(properties.schedule()))
        .execute((instance, context) -> backups.create());
  }
}
