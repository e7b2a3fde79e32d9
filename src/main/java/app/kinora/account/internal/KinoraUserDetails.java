package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.CurrentUser;
import app.kinora.shared.UserId;
import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * A signed-in user, kept in the (JDBC) session. Its name is the user id (not the email, which
 * can change), so Spring Session indexes the user's sessions by id.
 */
class KinoraUserDetails extends User implements CurrentUser {

  private final UserId userId;
  private final String displayName;

  KinoraUserDetails(Account account, String passwordHash) {
    super(
        account.id().toString(),
        passwordHash == null ? "" : passwordHash,
        true,
        true,
        true,
        true,
        List.of(new SimpleGrantedAuthority("ROLE_" + account.role().name())));
    this.userId = account.id();
    this.displayName = account.displayName();
  }

  @Override
  public UserId userId() {
    return userId;
  }

  @Override
  public String displayName() {
    return displayName;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof KinoraUserDetails that && userId.equals(that.userId);
  }

  @Override
  public int hashCode() {
    return userId.hashCode();
  }
}
