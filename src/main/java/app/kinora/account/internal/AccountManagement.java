package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountProperties;
import app.kinora.account.Accounts;
import app.kinora.privacy.PolicyAcknowledgements;
import app.kinora.privacy.PolicyDocuments;
import app.kinora.shared.UserId;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** The outcome of a sign-up: a new account (signed in at once), or an address already known. */
  sealed interface SignUpResult {
    record Created(Account account) implements SignUpResult {}

    record AlreadyRegistered() implements SignUpResult {}
  }

  /**
   * Opens an unverified account and sends the confirmation link; when the email already has an
   * account, sends that address a notice instead and opens nothing.
   *
   * @throws UnderMinimumAge before anything is stored or sent
   * @throws SignUpRejected naming every field at fault
   */
  @Transactional
  SignUpResult signUp(SignUpApplication application) {
    var problems = problems(application);
    if (!problems.isEmpty()) {
      throw new SignUpRejected(problems);
    }
    var country = checkAge(application.birthDate(), application.country());
    var email = checkEmail(application.email());
    var name = displayName(application.displayName(), email);
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
   * Everything wrong with a sign-up form, field by field in the form's order, so the person can
   * fix it all in one go. The age itself is not judged here: {@link #checkAge} does that.
   */
  Map<String, String> problems(SignUpApplication application) {
    var problems = new LinkedHashMap<String, String>();
    note(problems, () -> refusedDomains.check(checkEmail(application.email())));
    note(problems, () -> displayName(application.displayName(), "-"));
    policy.weakness(application.password()).ifPresent(reason -> problems.put("password", reason));
    note(problems, () -> checkBirthDate(application.birthDate()));
    note(problems, () -> checkCountry(application.country()));
    if (!application.acceptsTerms()) {
      problems.put("acceptsTerms", "Please accept the terms and the privacy policy to continue.");
    }
    return problems;
  }

  private static void note(Map<String, String> problems, Runnable check) {
    try {
      check.run();
    } catch (SignUpRejected rejected) {
      rejected.problems().forEach(problems::putIfAbsent);
    }
  }

  /**
   * Applies the age gate; returns the normalised country code.
   *
   * @throws UnderMinimumAge counted in an anonymous metric, nothing else kept
   */
  String checkAge(LocalDate birthDate, String country) {
    var code = checkCountry(country);
    checkBirthDate(birthDate);
    if (!ageGate.admits(birthDate, code)) {
      meters.counter("kinora.signup.refused", "reason", "age").increment();
      throw new UnderMinimumAge();
    }
    return code;
  }

  private static String checkCountry(String country) {
    var code = country == null ? "" : country.strip().toUpperCase(java.util.Locale.ROOT);
    if (!Countries.isKnown(code)) {
      throw new SignUpRejected("country", "Choose the country you live in.");
    }
    return code;
  }

  private void checkBirthDate(LocalDate birthDate) {
    if (birthDate == null
        || birthDate.isAfter(ageGate.today())
        || birthDate.isBefore(ageGate.today().minusYears(130))) {
      throw new SignUpRejected("birthDate", "Enter your date of birth.");
    }
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
