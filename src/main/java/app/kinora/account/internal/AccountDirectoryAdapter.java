package app.kinora.account.internal;

import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.UserId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Lets privacy requests find the account they are about, by its address or id. */
@Component
class AccountDirectoryAdapter implements AccountDirectory {

  private final Users users;

  AccountDirectoryAdapter(Users users) {
    this.users = users;
  }

  @Override
  public Optional<UserId> findByEmail(String email) {
    return users
        .credentialsByEmail(email)
        .map(credentials -> credentials.account().id());
  }

  @Override
  public void forEachVerifiedEmail(java.util.function.Consumer<String> action) {
    users.forEachVerifiedEmail(action);
  }

  @Override
  public Optional<String> emailOf(UserId user) {
    return users.find(user).map(account -> account.email());
  }
}
