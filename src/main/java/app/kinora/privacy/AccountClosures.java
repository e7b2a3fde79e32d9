package app.kinora.privacy;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account closure (P10): the owner confirms, the account waits out a grace period (signing in
 * again cancels it), then every module's eraser runs in one transaction — content and media
 * deleted, records kept for legal reasons pseudonymised.
 */
@Service
public class AccountClosures {

  private static final Logger log = LoggerFactory.getLogger(AccountClosures.class);

  private final JdbcClient jdbc;
  private final PersonalDataInventory inventory;
  private final PrivacyProperties properties;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  AccountClosures(
      JdbcClient jdbc,
      PersonalDataInventory inventory,
      PrivacyProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.inventory = inventory;
    this.properties = properties;
    this.events = events;
    this.clock = clock;
  }

  /** Schedules the erasure after the grace period; asking again keeps the first date. */
  @Transactional
  public Instant schedule(UserId user) {
    var now = clock.instant();
    jdbc.sql(
            "insert into account_closures (user_id, requested_at, erase_after) values (?, ?, ?) on conflict do nothing")
        .params(user.value(), Timestamp.from(now), Timestamp.from(now.plus(gracePeriod())))
        .update();
    var eraseAfter = pending(user).orElseThrow();
    events.publishEvent(new AccountClosureEvent(user, "requested", "erasure after " + eraseAfter));
    return eraseAfter;
  }

  /** The owner came back: the account stays. Returns whether a closure was pending. */
  @Transactional
  public boolean cancel(UserId user) {
    boolean cancelled = jdbc.sql("delete from account_closures where user_id = ?")
            .param(user.value())
            .update()
        > 0;
    if (cancelled) {
      events.publishEvent(new AccountClosureEvent(user, "cancelled", "signed in again"));
    }
    return cancelled;
  }

  /** When the account will be erased, if its closure is pending. */
  public Optional<Instant> pending(UserId user) {
    return jdbc.sql("select erase_after from account_closures where user_id = ?")
        .param(user.value())
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** Erases every account whose grace period ended by {@code now}; returns how many. */
  public long eraseDue(Instant now) {
    var due = jdbc.sql("select user_id from account_closures where erase_after <= ?")
        .param(Timestamp.from(now))
        .query(UUID.class)
        .list();
    for (var id : due) {
      erase(new UserId(id));
    }
    return due.size();
  }

  /** Erases one account now, everything at once or nothing. */
  @Transactional
  public void erase(UserId user) {
    events.publishEvent(
        new AccountClosureEvent(user, "erased", "every module's data erased or pseudonymised"));
    inventory.erase(user);
    jdbc.sql("delete from account_closures where user_id = ?")
        .param(user.value())
        .update();
    log.info("Erased a closed account");
  }

  public Duration gracePeriod() {
    return properties.retention().getOrDefault("closed-accounts", Duration.ofDays(14));
  }
}
