package app.kinora.admin.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import org.springframework.stereotype.Component;

/** Every change made in the console, with the operator who made it and their reason. */
@Component
class ConsoleAudit {

  private static final int MAX_REASON = 500;

  private final AuditTrail trail;

  ConsoleAudit(AuditTrail trail) {
    this.trail = trail;
  }

  /**
   * The reason, checked before the change is made.
   *
   * @throws IllegalArgumentException when it is missing or too long
   */
  static String reason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException(
          "Give a reason: it is kept with the change in the audit log.");
    }
    if (reason.strip().length() > MAX_REASON) {
      throw new IllegalArgumentException("A reason is at most " + MAX_REASON + " characters long.");
    }
    return reason.strip();
  }

  void record(UserPrincipal operator, String action, UserId subject, String reason, String what) {
    trail.record(
        AuditTrail.ActorKind.OPERATOR,
        operator.userId(),
        "admin." + action,
        subject,
        (what == null || what.isBlank() ? "" : what + " · ") + "reason: " + reason);
  }
}
