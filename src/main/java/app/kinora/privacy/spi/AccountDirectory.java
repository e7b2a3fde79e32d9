package app.kinora.privacy.spi;

import app.kinora.shared.UserId;
import java.util.Optional;

/**
 * Finds the account a privacy request is about, so that the request can be verified through that
 * account's own email address. Implemented by the module that owns accounts.
 */
public interface AccountDirectory {

  Optional<UserId> findByEmail(String email);

  Optional<String> emailOf(UserId user);

  /** Calls back with every verified address, a page at a time (for announcements everyone must get). */
  void forEachVerifiedEmail(java.util.function.Consumer<String> action);
}
