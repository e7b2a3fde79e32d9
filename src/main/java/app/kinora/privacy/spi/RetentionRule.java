package app.kinora.privacy.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * One category of data that is kept only for a while. The retention engine runs every rule on a
 * schedule with a cutoff of now minus the category's period (configurable as
 * {@code kinora.privacy.retention.<category>}) and records what each run removed.
 */
public interface RetentionRule {

  /** A short stable name, such as {@code analytics-events}; also the configuration key. */
  String category();

  /** What the data is and what happens to it when its time is up, for the policy page. */
  String description();

  /** How long the data is kept unless the operator configures otherwise. */
  Duration defaultPeriod();

  /** Removes, truncates or aggregates what is older than {@code cutoff}; returns how many items. */
  long purge(Instant cutoff);
}
