package app.kinora.audit.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.audit.AuditTrail.ActorKind;
import app.kinora.privacy.PrivacyRequestEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Every step of a privacy request goes into the audit trail, in the step's own transaction. */
@Component
class PrivacyRequestAudit {

  private final AuditTrail trail;

  PrivacyRequestAudit(AuditTrail trail) {
    this.trail = trail;
  }

  // In the sender's transaction on purpose: a step must not commit without its audit entry.
  @EventListener
  void on(PrivacyRequestEvent event) {
    var actor = event.operator() != null
        ? ActorKind.OPERATOR
        : "verified".equals(event.step()) ? ActorKind.USER : ActorKind.SYSTEM;
    trail.record(
        actor,
        event.operator(),
        "privacy_request." + event.step(),
        event.subject(),
        "request " + event.request() + (event.details().isBlank() ? "" : ": " + event.details()));
  }
}
