package app.kinora.privacy.internal;

import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Analytics events become daily counts after their period; the counts say nothing about anyone. */
@Component
class AnalyticsRetention implements RetentionRule {

  private final AnalyticsEvents events;

  AnalyticsRetention(AnalyticsEvents events) {
    this.events = events;
  }

  @Override
  public String category() {
    return "analytics-events";
  }

  @Override
  public String description() {
    return "Page views and generation steps counted with your consent (no IP, no account), then kept only as daily totals";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(90);
  }

  @Override
  public long purge(Instant cutoff) {
    return events.aggregateBefore(cutoff);
  }
}
