package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.AccountProperties;
import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.shared.PublicAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The emails an account receives, each with its signed link where one is needed. Every link is
 * built on the {@link PublicAddress}, never on the request being served.
 */
@Component
class AccountEmails {

  private static final DateTimeFormatter DAY_AND_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final Mailer mailer;
  private final SignedTokens tokens;
  private final AccountProperties properties;
  private final PublicAddress address;

  AccountEmails(
      Mailer mailer, SignedTokens tokens, AccountProperties properties, PublicAddress address) {
    this.mailer = mailer;
    this.tokens = tokens;
    this.properties = properties;
    this.address = address;
  }

  void sendVerification(Account account) {
    var validity = properties.verificationLinkValidity();
    var token = tokens.issue(
        SignedTokens.Purpose.VERIFY_EMAIL,
        account.id(),
        Users.normalize(account.email()),
        "",
        validity);
    mailer.send(new Email(
        account.email(),
        "Confirm your email for Kinora",
        "account-verify",
        Map.of(
            "name",
            account.displayName(),
            "link",
            link("/account/verify?token=" + token),
            "validity",
            describe(validity))));
  }

  /** Sent instead of a confirmation when someone signs up with an address that has an account. */
  void sendAccountExists(String email) {
    mailer.send(new Email(
        email.strip(),
        "Your Kinora account",
        "account-exists",
        Map.of("signInLink", link("/login"), "resetLink", link("/password-reset"))));
  }

  void sendReset(Users.Credentials credentials) {
    var validity = properties.resetLinkValidity();
    var token = tokens.issue(
        SignedTokens.Purpose.RESET_PASSWORD,
        credentials.account().id(),
        resetState(credentials),
        "",
        validity);
    mailer.send(new Email(
        credentials.account().email(),
        "Choose a new Kinora password",
        "account-reset",
        Map.of("link", link("/password-reset/" + token), "validity", describe(validity))));
  }

  void sendEmailChange(Account account, String newEmail) {
    var validity = properties.verificationLinkValidity();
    var token = tokens.issue(
        SignedTokens.Purpose.CHANGE_EMAIL,
        account.id(),
        Users.normalize(account.email()),
        newEmail.strip(),
        validity);
    mailer.send(new Email(
        newEmail.strip(),
        "Confirm your new email for Kinora",
        "account-email-change",
        Map.of(
            "name",
            account.displayName(),
            "link",
            link("/account/email/confirm?token=" + token),
            "validity",
            describe(validity))));
  }

  void sendEmailTaken(String email) {
    mailer.send(new Email(email.strip(), "Your Kinora account", "account-email-taken", Map.of()));
  }

  void sendEmailChanged(String oldEmail, String name) {
    mailer.send(new Email(
        oldEmail,
        "Your Kinora email was changed",
        "account-email-changed",
        Map.of("name", name, "resetLink", link("/password-reset"))));
  }

  void sendPasswordChanged(Account account) {
    mailer.send(new Email(
        account.email(),
        "Your Kinora password was changed",
        "account-password-changed",
        Map.of("name", account.displayName(), "resetLink", link("/password-reset"))));
  }

  /**
   * Tells the owner a key was made, so that a key made by someone else with their session does
   * not go unnoticed: its name and prefix, never the key.
   */
  void sendApiKeyCreated(
      Account account, String keyName, String prefix, String scopes, Instant createdAt) {
    mailer.send(new Email(
        account.email(),
        "A new API key for your Kinora account",
        "account-api-key-created",
        Map.of(
            "name",
            account.displayName(),
            "keyName",
            keyName.replaceAll("\\p{Cntrl}", " "),
            "prefix",
            prefix,
            "scopes",
            scopes,
            "created",
            DAY_AND_TIME.format(createdAt),
            "link",
            link("/account/api-keys"),
            "resetLink",
            link("/password-reset"))));
  }

  /** A reset link is bound to the password (hash) it replaces, so it works only once. */
  static String resetState(Users.Credentials credentials) {
    return credentials.account().email() + "\n" + credentials.passwordHash();
  }

  private String link(String path) {
    return address.link(path);
  }

  private static String describe(Duration validity) {
    if (validity.toMinutes() % 60 != 0) {
      return validity.toMinutes() + " minutes";
    }
    var hours = validity.toHours();
    return hours == 1 ? "1 hour" : hours + " hours";
  }
}
