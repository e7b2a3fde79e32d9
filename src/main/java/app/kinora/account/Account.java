package app.kinora.account;

import app.kinora.shared.UserId;
import java.time.Instant;

/** A user account as other modules see it. */
public record Account(UserId id, String email, String displayName, Role role, Instant createdAt) {

  public enum Role {
    USER,
    ADMIN
  }
}
