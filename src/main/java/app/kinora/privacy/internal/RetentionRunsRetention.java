package app.kinora.privacy.internal;

import app.kinora.privacy.spi.RetentionRule;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The engine's own record of its runs is kept long enough to show it did its work, then goes. */
@Component
class RetentionRunsRetention implements RetentionRule {

  private final JdbcClient jdbc;

  RetentionRunsRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String category() {
    return "retention-runs";
  }

  @Override
  public String description() {
    return "The record of what each retention run removed (no personal data)";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(730);
  }

  @Override
  public long purge(Instant cutoff) {
    return jdbc.sql("delete from retention_runs where ran_at < ?")
        .param(Timestamp.from(cutoff))
        .update();
  }
}
