package app.kinora.billing.internal;

import app.kinora.billing.Balance;
import app.kinora.billing.Charge;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import app.kinora.billing.PriceRequest;
import app.kinora.billing.internal.LedgerEntry.Kind;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's rules. Each change locks the user's {@code credit_accounts} row first (through
 * {@link CreditAccounts}, which opens it on first use), so one user's holds are decided one after
 * another against the real sums, on any number of nodes.
 */
@Service
class Ledger implements CreditLedger {

  static final String SYSTEM = "system";

  private final LedgerEntries entries;
  private final LedgerReads reads;
  private final CreditAccounts accounts;
  private final Pricing pricing;
  private final LowCredits lowCredits;

  Ledger(
      LedgerEntries entries,
      LedgerReads reads,
      CreditAccounts accounts,
      Pricing pricing,
      LowCredits lowCredits) {
    this.entries = entries;
    this.reads = reads;
    this.accounts = accounts;
    this.pricing = pricing;
    this.lowCredits = lowCredits;
  }

  @Override
  public Credits quote(PriceRequest request) {
    return pricing.quote(request);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public Credits hold(UserId user, HoldId hold, PriceRequest work, String reference) {
    var price = pricing.quote(work);
    if (entries.tryHold(user, hold.value(), price.value(), describe(work), reference)) {
      return price;
    }
    // a first hold opens the account; otherwise this explains the refusal
    ShortOfCredits.refuseIfShort(price, accounts.lock(user));
    entries.append(
        user, Kind.HOLD, 0, price.value(), hold.value(), describe(work), reference, "user");
    return price;
  }

  @Override
  @Transactional
  public Credits affordable(UserId user, PriceRequest work) {
    var price = pricing.quote(work);
    ShortOfCredits.refuseIfShort(price, balance(user));
    return price;
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean capture(HoldId hold, PriceRequest actualWork) {
    return openHold(hold)
        .map(open -> {
          var held = open.entry().heldChange();
          var price = Math.min(pricing.quote(actualWork).value(), held);
          entries.append(
              open.user(),
              Kind.CAPTURE,
              -price,
              -held,
              hold.value(),
              price < held ? "Charged %d of %d held".formatted(price, held) : "Charged",
              open.entry().reference(),
              SYSTEM);
          lowCredits.charged(open.user(), hold, price);
          return true;
        })
        .orElse(false);
  }

  @Override
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean release(HoldId hold, String reason) {
    return openHold(hold)
        .map(open -> {
          entries.append(
              open.user(),
              Kind.RELEASE,
              0,
              -open.entry().heldChange(),
              hold.value(),
              reason,
              open.entry().reference(),
              SYSTEM);
          return true;
        })
        .orElse(false);
  }

  @Override
  public Map<HoldId, Charge> charges(Collection<HoldId> holds) {
    return HoldCharges.of(reads.holdEntries(holds.stream().map(HoldId::value).toList()));
  }

  @Override
  @Transactional
  public Balance balance(UserId user) {
    var known = entries.balance(user);
    return known.isPresent() ? known.get() : accounts.lock(user);
  }

  @Override
  @Transactional
  public void grant(UserId user, Credits amount, String reason, String actor) {
    if (amount.value() <= 0) {
      throw new IllegalArgumentException("A grant must be a positive number of credits.");
    }
    accounts.lock(user);
    entries.append(user, Kind.GRANT, amount.value(), 0, null, reason, null, actor);
  }

  @Override
  @Transactional
  public void adjust(UserId user, Credits amount, String reason, String actor) {
    if (amount.value() == 0) {
      throw new IllegalArgumentException("An adjustment must change the balance.");
    }
    accounts.lock(user);
    entries.append(user, Kind.ADJUSTMENT, amount.value(), 0, null, reason, null, actor);
  }

  /** Appends a Stripe-driven entry (purchase, refund, chargeback) under the account's lock. */
  @Transactional(propagation = Propagation.MANDATORY)
  void record(UserId user, Kind kind, Credits amount, String reason, String reference) {
    accounts.lock(user);
    entries.append(user, kind, amount.value(), 0, null, reason, reference, "stripe");
  }

  /**
   * Expires what is left of a purchase (uses taken first in, first out), never more than is
   * available, so open holds stay covered; records zero too, so the purchase is settled. Returns
   * the credits expired. Computed under the account's lock, so a hold cannot slip in between.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  long expirePurchase(UserId user, long purchaseId, String purchase) {
    accounts.lock(user);
    long available = balance(user).available().value();
    long credits = Math.min(reads.fifoRemainder(user, purchaseId), Math.max(0, available));
    entries.append(
        user, Kind.EXPIRY, -credits, 0, null, "Purchased credits expired unused", purchase, SYSTEM);
    return credits;
  }

  boolean recorded(Kind kind, String reference) {
    return reads.exists(kind, reference);
  }

  long recordedSum(Kind kind, String reference) {
    return reads.sum(kind, reference);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void freeze(UserId user, String reason) {
    accounts.lock(user);
    entries.freeze(user, reason);
  }

  private Optional<OpenHold> openHold(HoldId hold) {
    return reads.holder(hold.value()).flatMap(user -> {
      entries.lock(user);
      List<LedgerEntry> found = reads.holdEntries(List.of(hold.value()));
      return found.size() == 1
          ? Optional.of(new OpenHold(user, found.getFirst()))
          : Optional.empty();
    });
  }

  private static String describe(PriceRequest work) {
    return "%d s · %s · %s%s"
        .formatted(work.seconds(), work.size(), work.model(), work.audio() ? " · sound" : "");
  }

  private record OpenHold(UserId user, LedgerEntry entry) {}
}
