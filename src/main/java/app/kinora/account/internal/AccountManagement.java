package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountProperties;
import app.kinora.account.Accounts;
import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PolicyDocuments;
import app.kinora.shared.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening accounts and answering questions about them. */
@Service
class AccountManagement implements Accounts {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
  static final int MAX_NAME = 80;

  private final Users users;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;
  private final AgeGate ageGate;
  private final AccountEmails emails;
  private final AccountProperties properties;
  private final PolicyDocuments policies;
  private final PolicyAcknowledgements acknowledgements;
  private final MeterRegistry meters;
  private final RefusedDomains refusedDomains;

  AccountManagement(
      Users users,
      PasswordEncoder passwords,
      PasswordPolicy policy,
      AgeGate ageGate,
      AccountEmails emails,
      AccountProperties properties,
      PolicyDocuments policies,
      PolicyAcknowledgements acknowledgements,
      MeterRegistry meters,
      RefusedDomains refusedDomains) {
    this.refusedDomains = refusedDomains;
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
    this.ageGate = ageGate;
    this.emails = emails;
    this.properties = properties;
    this.policies = policies;
    this.acknowledgements = acknowledgements;
    this.meters = meters;
  }

  @Override
  public Optional<Account> find(UserId id) {
    return users.find(id);
  }

  @Override
  public boolean isVerified(UserId id) {
    return users.isVerified(id);
  }

  /** The outcome of a sign-up, known only to the server: the person sees the same page. */
  sealed interface SignUpResult {
    record Created(Account account) implements SignUpResult {}

    record AlreadyRegistered() implements SignUpResult {}
  }

  /**
   * Opens an unverified account and sends the confirmation link; when the email already has an
   * account, sends that address a notice instead, so the answer never tells who is registered.
   *
   * @throws UnderMinimumAge before anything is stored or sent
   * @throws SignUpRejected naming the field at fault
   */
  @Transactional
  SignUpResult signUp(SignUpApplication application) {
    var country = checkAge(application.birthDate(), application.country());
    var email = checkEmail(application.email());
    refusedDomains.check(email);
    var name = displayName(application.displayName(), email);
    policy.weakness(application.password()).ifPresent(reason -> {
      throw new SignUpRejected("password", reason);
    });
    if (!application.acceptsTerms()) {
      throw new SignUpRejected(
          "acceptsTerms", "Please accept the terms and the privacy policy to continue.");
    }
    // Hash in both cases, so that the time taken does not tell either.
    var hash = passwords.encode(application.password());
    if (users.existsByEmail(email)) {
      emails.sendAccountExists(email);
      return new SignUpResult.AlreadyRegistered();
    }
    var account = users.create(new Users.NewUser(
        email,
        name,
        hash,
        Account.Role.USER,
        false,
        ageGate.today(),
        country,
        policies.current("terms").version(),
        policies.current("privacy").version()));
    acknowledgements.acceptCurrent(account.id());
    emails.sendVerification(account);
    return new SignUpResult.Created(account);
  }

  /**
   * Applies the age gate; returns the normalised country code.
   *
   * @throws UnderMinimumAge counted in an anonymous metric, nothing else kept
   */
  String checkAge(LocalDate birthDate, String country) {
    var code = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
    if (!Countries.isKnown(code)) {
      throw new SignUpRejected("country", "Choose the country you live in.");
    }
    if (birthDate == null
        || birthDate.isAfter(ageGate.today())
        || birthDate.isBefore(ageGate.today().minusYears(130))) {
      throw new SignUpRejected("birthDate", "Enter your date of birth.");
    }
    if (!ageGate.admits(birthDate, code)) {
      meters.counter("kinora.signup.refused", "reason", "age").increment();
      throw new UnderMinimumAge();
    }
    return code;
  }

  /** Creates an operator account (bootstrap): verified, no age gate, no email sent. */
  @Transactional
  Account createOperator(String email, String displayName, String password) {
    var checked = checkEmail(email);
    policy.weakness(password).ifPresent(reason -> {
      throw new SignUpRejected("password", reason);
    });
    return users.create(new Users.NewUser(
        checked,
        displayName(displayName, checked),
        passwords.encode(password),
        Account.Role.ADMIN,
        true,
        null,
        null,
        null,
        null));
  }

  /** Creates an account for a person whose identity a trusted provider vouched for. */
  @Transactional
  Account createFederated(
      String email,
      String displayName,
      boolean emailVerified,
      LocalDate birthDate,
      String country) {
    var code = checkAge(birthDate, country);
    refusedDomains.check(checkEmail(email));
    var account = users.create(new Users.NewUser(
        checkEmail(email),
        displayName(displayName, email),
        null,
        Account.Role.USER,
        emailVerified,
        ageGate.today(),
        code,
        policies.current("terms").version(),
        policies.current("privacy").version()));
    acknowledgements.acceptCurrent(account.id());
    if (!emailVerified) {
      emails.sendVerification(account);
    }
    return account;
  }

  static String checkEmail(String email) {
    if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
      throw new SignUpRejected("email", "Enter a valid email address.");
    }
    return email.strip();
  }

  static String displayName(String displayName, String email) {
    var name = displayName == null || displayName.isBlank()
        ? email.strip().split("@")[0]
        : displayName.strip();
    if (name.length() > MAX_NAME) {
      throw new SignUpRejected("displayName", "Use at most " + MAX_NAME + " characters.");
    }
    return name;
  }
}
