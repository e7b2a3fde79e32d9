package app.kinora.provider;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-platform cap on concurrent jobs ({@link PlatformLimits}), held on every node through
 * the database. A platform's jobs in flight are its transfers not yet finished (the transfer log
 * writes one before each submission and finishes it when the job ends); one older than the job
 * timeout and a grace period belongs to a job that died with its node, and no longer counts. A
 * new transfer is written only under the platform's advisory lock after counting, so two nodes
 * cannot both take the last place.
 */
@Component
public class PlatformCapacity {

  private static final Duration GRACE = Duration.ofMinutes(5);

  private final PlatformLimits limits;
  private final ModelCatalog catalog;
  private final PlatformPauses pauses;
  private final Resilience resilience;
  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Duration jobTimeout;
  private final Clock clock;

  PlatformCapacity(
      PlatformLimits limits,
      ModelCatalog catalog,
      PlatformPauses pauses,
      Resilience resilience,
      JdbcClient jdbc,
      TransactionTemplate transaction,
      ProviderProperties properties,
      Clock clock) {
    this.limits = limits;
    this.catalog = catalog;
    this.pauses = pauses;
    this.resilience = resilience;
    this.jdbc = jdbc;
    this.transaction = transaction;
    this.jobTimeout = properties.jobTimeout();
    this.clock = clock;
  }

  /**
   * Whether a job of this model could go to a platform now: a local model always can; an alias
   * when one of its routes that is not paused has a place left. Asked before a job starts, so a
   * job with nowhere to go waits in the queue.
   */
  public boolean hasRoomFor(String model) {
    if (limits.maxConcurrent().isEmpty() || catalog.localProvider(model).isPresent()) {
      return true;
    }
    var routes = catalog.routes(model);
    return routes.isEmpty()
        || routes.stream()
            .map(Route::providerId)
            .anyMatch(platform -> !pauses.isPaused(platform)
                && resilience.available(platform)
                && inFlight(platform) < limits.cap(platform).orElse(Integer.MAX_VALUE));
  }

  /**
   * Runs {@code send} (which writes the transfer) if the platform has a place left, in one
   * transaction under the platform's lock; empty when it is full.
   */
  <T> Optional<T> claim(String platform, Supplier<T> send) {
    var cap = limits.cap(platform);
    if (cap.isEmpty()) {
      return Optional.of(send.get());
    }
    return transaction.execute(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 0))")
          .param("kinora.platform:" + platform)
          .query((rs, row) -> 1)
          .list();
      return inFlight(platform) < cap.getAsInt() ? Optional.of(send.get()) : Optional.<T>empty();
    });
  }

  /** Jobs on the platform that have not finished (and are young enough to be alive). */
  int inFlight(String platform) {
    return jdbc.sql("""
            select count(*) from provider_transfers
             where provider = ? and finished_at is null and sent_at > ?""")
        .param(platform)
        .param(Timestamp.from(clock.instant().minus(jobTimeout).minus(GRACE)))
        .query(Long.class)
        .single()
        .intValue();
  }
}
