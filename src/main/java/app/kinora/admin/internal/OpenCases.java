package app.kinora.admin.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Whether an operator has a case open about an account: the audit trail's {@code
 * admin.case_opened} by that operator, about that account, within the last day. Read from the
 * trail itself, so there is no other state to keep in step on any node.
 */
@Component
class OpenCases {

  static final String CASE_OPENED = "admin.case_opened";
  static final Duration CASE_LASTS = Duration.ofHours(24);

  private final AuditTrail trail;
  private final Clock clock;

  OpenCases(AuditTrail trail, Clock clock) {
    this.trail = trail;
    this.clock = clock;
  }

  /** The operator's open case about the account, if any. */
  Optional<AuditTrail.Event> of(UserId operator, UserId account) {
    return trail
        .search(
            new AuditTrail.Filter(
                CASE_OPENED, null, account, operator, clock.instant().minus(CASE_LASTS)),
            1)
        .stream()
        .findFirst();
  }
}
