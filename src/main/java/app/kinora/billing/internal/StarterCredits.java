package app.kinora.billing.internal;

import app.kinora.account.AccountVerified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Grants the full starter credits when an account's email address is confirmed. */
@Component
class StarterCredits {

  private final CreditAccounts accounts;

  StarterCredits(CreditAccounts accounts) {
    this.accounts = accounts;
  }

  @ApplicationModuleListener(id = "billing.starter-credits")
  void on(AccountVerified event) {
    accounts.verified(event.user());
  }
}
