package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.Credits;
import app.kinora.billing.CreditsRanLow;
import app.kinora.billing.HoldId;
import app.kinora.shared.UserId;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Watches captures for the one that takes a user's available credits from the threshold or above
 * to below it, and publishes {@link CreditsRanLow}; later captures while the credits stay low say
 * nothing more. Runs in the capture's transaction, under the account's lock.
 */
@Component
class LowCredits {

  private final LedgerEntries entries;
  private final ApplicationEventPublisher events;
  private final long threshold;
  private final Clock clock;

  LowCredits(
      LedgerEntries entries,
      ApplicationEventPublisher events,
      BillingProperties properties,
      Clock clock) {
    this.entries = entries;
    this.events = events;
    this.threshold = properties.lowCreditsThreshold();
    this.clock = clock;
  }

  /** After {@code charged} credits of the hold were taken. */
  void charged(UserId user, HoldId hold, long charged) {
    if (threshold <= 0 || charged <= 0) {
      return;
    }
    long available = entries.balance(user).orElseThrow().available().value();
    if (available < threshold && available + charged >= threshold) {
      events.publishEvent(new CreditsRanLow(
          user, hold, Credits.of(available), Credits.of(threshold), clock.instant()));
    }
  }
}
