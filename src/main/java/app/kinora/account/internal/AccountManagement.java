package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.Accounts;
import app.kinora.shared.UserId;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating accounts and answering questions about them. */
@Service
class AccountManagement implements Accounts {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  private static final int MAX_NAME = 80;

  private final Users users;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;

  AccountManagement(Users users, PasswordEncoder passwords, PasswordPolicy policy) {
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
  }

  @Override
  public Optional<Account> find(UserId id) {
    return users.find(id);
  }

  /**
   * Creates an account with a password.
   *
   * @throws SignUpRejected naming the field at fault
   */
  @Transactional
  Account signUp(String email, String displayName, String password, Account.Role role) {
    if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
      throw new SignUpRejected("email", "Enter a valid email address.");
    }
    var name = displayName == null || displayName.isBlank() ? email.strip().split("@")[0] : displayName.strip();
    if (name.length() > MAX_NAME) {
      throw new SignUpRejected("displayName", "Use at most " + MAX_NAME + " characters.");
    }
    policy.weakness(password).ifPresent(reason -> {
      throw new SignUpRejected("password", reason);
    });
    if (users.existsByEmail(email)) {
      // Until sign-up confirms by email, telling the person is the only useful answer.
      throw new SignUpRejected("email", "This email cannot be used to sign up. Try signing in instead.");
    }
    return users.create(email, name, passwords.encode(password), role);
  }
}
