package app.kinora.account;

import app.kinora.shared.UserId;
import java.util.Optional;

/** Questions other modules may ask about accounts. */
public interface Accounts {

  Optional<Account> find(UserId id);
}
