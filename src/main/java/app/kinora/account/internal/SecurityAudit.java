package app.kinora.account.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.audit.AuditTrail.ActorKind;
import app.kinora.shared.UserId;
import org.springframework.stereotype.Component;

/** Security actions on an account, in the audit trail (P14): who did what, when — no secrets. */
@Component
class SecurityAudit {

  private final AuditTrail trail;

  SecurityAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /** The account's owner did this to their own account. */
  void byOwner(UserId user, String action, String details) {
    trail.record(ActorKind.USER, user, "security." + action, user, details);
  }
}
