package app.kinora.account.internal;

import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions (with the device and sign-in time they carry) go once unused for the period;
 * Spring Session also drops expired ones itself, this makes the period explicit and shown.
 */
@Component
class SessionRetention implements RetentionRule {

  private final JdbcClient jdbc;

  SessionRetention(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String category() {
    return "sessions";
  }

  @Override
  public String description() {
    return "Sign-in sessions, with the device and the time of sign-in, after they were last used";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(30);
  }

  @Override
  public long purge(Instant cutoff) {
    return jdbc.sql("delete from spring_session where last_access_time < ?")
        .param(cutoff.toEpochMilli())
        .update();
  }
}
