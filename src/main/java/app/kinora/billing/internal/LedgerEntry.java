package app.kinora.billing.internal;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of the ledger.
 *
 * @param amount change of the balance
 * @param heldChange change of the credits on hold
 */
record LedgerEntry(
    long id,
    Kind kind,
    long amount,
    long heldChange,
    UUID holdId,
    String reason,
    String reference,
    String actor,
    Instant createdAt) {

  enum Kind {
    GRANT,
    PURCHASE,
    HOLD,
    CAPTURE,
    RELEASE,
    REFUND,
    CHARGEBACK,
    ADJUSTMENT,
    EXPIRY;

    public String column() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String column) {
      return valueOf(column.toUpperCase(Locale.ROOT));
    }
  }

  /** What a person reads in the history: held and released credits do not change the balance. */
  public long shownAmount() {
    return kind == Kind.HOLD || kind == Kind.RELEASE ? -heldChange : amount;
  }
}
