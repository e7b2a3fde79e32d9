package app.kinora.audit.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.audit.AuditTrail.ActorKind;
import app.kinora.privacy.AccountClosureEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Account closures go into the audit trail; the erasure then pseudonymises the user's id in it. */
@Component
class AccountClosureAudit {

  private final AuditTrail trail;

  AccountClosureAudit(AuditTrail trail) {
    this.trail = trail;
  }

  // In the sender's transaction on purpose: a step must not commit without its audit entry.
  @EventListener
  void on(AccountClosureEvent event) {
    var actor = "erased".equals(event.step()) ? ActorKind.SYSTEM : ActorKind.USER;
    trail.record(
        actor,
        actor == ActorKind.USER ? event.user() : null,
        "account_closure." + event.step(),
        event.user(),
        event.details());
  }
}
