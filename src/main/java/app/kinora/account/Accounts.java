package app.kinora.account;

import app.kinora.shared.UserId;
import java.util.Optional;

/** Questions other modules may ask about accounts. */
public interface Accounts {

  Optional<Account> find(UserId id);

  /**
   * Whether the user has confirmed their email address. Unverified accounts can sign in, but
   * modules limit what they may do (no purchases, no generation beyond the starter allowance).
   * An unknown user is not verified.
   */
  boolean isVerified(UserId id);
}
