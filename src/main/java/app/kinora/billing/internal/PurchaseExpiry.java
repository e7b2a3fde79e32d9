package app.kinora.billing.internal;

import app.kinora.privacy.spi.RetentionRule;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Optional expiry of purchased credits (off unless {@code kinora.billing.purchase-expiry} is set):
 * when a purchase is older than the period, what is left of it expires, with an {@code expiry}
 * entry that names the purchase. Credits are used first in, first out, so what is left of a
 * purchase is what the later uses did not need; never more than is available, so open holds and
 * the balance stay whole.
 */
@Component
@ConditionalOnProperty("kinora.billing.purchase-expiry")
class PurchaseExpiry implements RetentionRule {

  private final LedgerReads entries;
  private final Ledger ledger;
  private final TransactionTemplate transactions;
  private final Duration period;

  PurchaseExpiry(
      LedgerReads entries,
      Ledger ledger,
      TransactionTemplate transactions,
      @Value("${kinora.billing.purchase-expiry}") Duration period) {
    this.entries = entries;
    this.ledger = ledger;
    this.transactions = transactions;
    this.period = period;
  }

  @Override
  public String category() {
    return "purchased-credits";
  }

  @Override
  public String description() {
    return "Purchased credits left unused, which then expire (the ledger entries themselves stay)";
  }

  @Override
  public Duration defaultPeriod() {
    return period;
  }

  @Override
  public long purge(Instant cutoff) {
    long settled = 0;
    for (var purchase : entries.unexpiredPurchasesBefore(Timestamp.from(cutoff))) {
      transactions.executeWithoutResult(status ->
          ledger.expirePurchase(new UserId(purchase.user()), purchase.id(), purchase.reference()));
      settled++;
    }
    return settled;
  }

  /** A purchase entry that has not expired yet. */
  record Purchase(long id, UUID user, String reference) {}
}
