package app.kinora.billing.internal;

import app.kinora.account.AccountVerified;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Grants the full starter credits when an account's email address is confirmed. */
@Component
class StarterCredits {

  private final Ledger ledger;

  StarterCredits(Ledger ledger) {
    this.ledger = ledger;
  }

  @ApplicationModuleListener(id = "billing.starter-credits")
  void on(AccountVerified event) {
    ledger.verified(event.user());
  }
}
