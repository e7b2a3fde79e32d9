package app.kinora.billing.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountVerified;
import app.kinora.account.Accounts;
import app.kinora.billing.Balance;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.internal.LedgerEntry.Kind;
import app.kinora.shared.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's credit account: locked before each change to the ledger, and opened on first use with
 * the credits a new user starts with (the full starter credits once the email address is
 * verified, else a smaller allowance, topped up when it is).
 */
@Component
class CreditAccounts {

  private final LedgerEntries entries;
  private final Accounts accounts;
  private final BillingProperties properties;

  CreditAccounts(LedgerEntries entries, Accounts accounts, BillingProperties properties) {
    this.entries = entries;
    this.accounts = accounts;
    this.properties = properties;
  }

  /**
   * Locks the user's account row, opening it on first use: with the full starter credits when its
   * email address is verified (operators' are), else with the unverified allowance, topped up when
   * {@link AccountVerified} arrives.
   */
  Balance lock(UserId user) {
    return lockOpening(user).balance();
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

  private long allowance() {
    return Math.min(properties.unverifiedAllowance(), properties.starterCredits());
  }

  private void grant(UserId user, long credits, String reason) {
    if (credits > 0) {
      entries.append(user, Kind.GRANT, credits, 0, null, reason, null, Ledger.SYSTEM);
    }
  }

  private boolean isAdmin(UserId user) {
    return accounts.find(user).map(Account::role).orElse(Account.Role.USER) == Account.Role.ADMIN;
  }
}
