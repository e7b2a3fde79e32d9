package app.kinora.billing.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountVerified;
import app.kinora.account.Accounts;
import app.kinora.billing.Balance;
import app.kinora.billing.BillingProperties;
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
 * The ledger's rules. Each change locks the user's {@code credit_accounts} row first, so one
 * user's holds are decided one after another against the real sums, on any number of nodes.
 */
@Service
class Ledger implements CreditLedger {

  static final String SYSTEM = "system";

  private final LedgerEntries entries;
  private final Pricing pricing;
  private final Accounts accounts;
  private final BillingProperties properties;
  private final LowCredits lowCredits;

  Ledger(
      LedgerEntries entries,
      Pricing pricing,
      Accounts accounts,
      BillingProperties properties,
      LowCredits lowCredits) {
    this.entries = entries;
    this.pricing = pricing;
    this.accounts = accounts;
    this.properties = properties;
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
    ShortOfCredits.refuseIfShort(price, lock(user));
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
    return HoldCharges.of(entries.holdEntries(holds.stream().map(HoldId::value).toList()));
  }

  @Override
  @Transactional
  public Balance balance(UserId user) {
    var known = entries.balance(user);
    return known.isPresent() ? known.get() : lock(user);
  }

  @Override
  @Transactional
  public void grant(UserId user, Credits amount, String reason, String actor) {
    if (amount.value() <= 0) {
      throw new IllegalArgumentException("A grant must be a positive number of credits.");
    }
    lock(user);
    entries.append(user, Kind.GRANT, amount.value(), 0, null, reason, null, actor);
  }

  @Override
  @Transactional
  public void adjust(UserId user, Credits amount, String reason, String actor) {
    if (amount.value() == 0) {
      throw new IllegalArgumentException("An adjustment must change the balance.");
    }
    lock(user);
    entries.append(user, Kind.ADJUSTMENT, amount.value(), 0, null, reason, null, actor);
  }

  /** Appends a Stripe-driven entry (purchase, refund, chargeback) under the account's lock. */
  @Transactional(propagation = Propagation.MANDATORY)
  void record(UserId user, Kind kind, Credits amount, String reason, String reference) {
    lock(user);
    entries.append(user, kind, amount.value(), 0, null, reason, reference, "stripe");
  }

  /**
   * Expires what is left of a purchase (uses taken first in, first out), never more than is
   * available, so open holds stay covered; records zero too, so the purchase is settled. Returns
   * the credits expired. Computed under the account's lock, so a hold cannot slip in between.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  long expirePurchase(UserId user, long purchaseId, String purchase) {
    lock(user);
    long available = balance(user).available().value();
    long credits = Math.min(entries.fifoRemainder(user, purchaseId), Math.max(0, available));
    entries.append(
        user, Kind.EXPIRY, -credits, 0, null, "Purchased credits expired unused", purchase, SYSTEM);
    return credits;
  }

  boolean recorded(Kind kind, String reference) {
    return entries.exists(kind, reference);
  }

  long recordedSum(Kind kind, String reference) {
    return entries.sum(kind, reference);
  }

  @Transactional(propagation = Propagation.MANDATORY)
  void freeze(UserId user, String reason) {
    lock(user);
    entries.freeze(user, reason);
  }

  /**
   * Locks the user's account row, opening it on first use: with the full starter credits when its
   * email address is verified (operators' are), else with the unverified allowance, topped up when
   * {@link AccountVerified} arrives.
   */
  private Balance lock(UserId user) {
    return lockOpening(user).balance();
  }

  /**
   * {@link #lock}, telling whether this call opened the account. Of concurrent first uses, one
   * opens the row and the others wait for it (see {@link LedgerEntries#openAndLock}), so every
   * caller gets the row.
   */
  private LedgerEntries.Locked lockOpening(UserId user) {
    var locked = entries.openAndLock(user);
    if (!locked.opened()) {
      return locked;
    }
    boolean admin = isAdmin(user);
    if (admin || accounts.isVerified(user)) {
      entries.markStarterGranted(user);
      grant(
          user,
          admin ? properties.adminStarterCredits() : properties.starterCredits(),
          "Starter credits");
    } else {
      grant(user, allowance(), "Credits to try Kinora");
    }
    return new LedgerEntries.Locked(entries.lock(user).orElseThrow(), true);
  }

  /**
   * The account's email address was confirmed: an open account is topped up from the unverified
   * allowance to the full starter credits, once; an account billing has not met yet opens with them.
   */
  @Transactional
  void verified(UserId user) {
    if (!lockOpening(user).opened() && entries.markStarterGranted(user)) {
      grant(user, properties.starterCredits() - allowance(), "Starter credits");
    }
  }

  private long allowance() {
    return Math.min(properties.unverifiedAllowance(), properties.starterCredits());
  }

  private void grant(UserId user, long credits, String reason) {
    if (credits > 0) {
      entries.append(user, Kind.GRANT, credits, 0, null, reason, null, SYSTEM);
    }
  }

  private boolean isAdmin(UserId user) {
    return accounts.find(user).map(Account::role).orElse(Account.Role.USER) == Account.Role.ADMIN;
  }

  private Optional<OpenHold> openHold(HoldId hold) {
    return entries.holder(hold.value()).flatMap(user -> {
      entries.lock(user);
      List<LedgerEntry> found = entries.holdEntries(List.of(hold.value()));
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
