package app.kinora.account;

import app.kinora.shared.UserId;
import java.time.Instant;

/**
 * An account as operators see it in the console: who, since when, verified or not, when last
 * signed in, and whether it is suspended (and why).
 */
public record AccountSummary(
    UserId id,
    String email,
    String displayName,
    Account.Role role,
    Instant createdAt,
    boolean verified,
    Instant lastSignIn,
    Instant suspendedAt,
    String suspensionReason) {

  public boolean suspended() {
    return suspendedAt != null;
  }

  public boolean operator() {
    return role == Account.Role.ADMIN;
  }
}
