package app.kinora.media.internal;

import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The storage sweep ({@link OrphanSweep}) on the retention engine's schedule: objects no row
 * refers to are deleted once older than the period. Never less than an hour, whatever the clock
 * says, so that a file whose row is still being written is not taken for an orphan.
 */
@Component
class OrphanRetention implements RetentionRule {

  private static final Duration AT_LEAST = Duration.ofHours(1);

  private final OrphanSweep sweep;

  OrphanRetention(OrphanSweep sweep) {
    this.sweep = sweep;
  }

  @Override
  public String category() {
    return "storage-orphans";
  }

  @Override
  public String description() {
    return "Stored files left behind by an interrupted upload or delete, no longer part of anyone's library";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(1);
  }

  @Override
  public long purge(Instant cutoff) {
    var grace = Duration.between(cutoff, Instant.now());
    return sweep.sweep(grace.compareTo(AT_LEAST) < 0 ? AT_LEAST : grace).deleted();
  }
}
