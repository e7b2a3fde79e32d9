package app.kinora.account.internal;

import app.kinora.shared.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email confirmation, password reset and change, and email change. Answers never tell whether
 * an address has an account.
 */
@Service
class CredentialChanges {

  private final Users users;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;
  private final SignedTokens tokens;
  private final AccountEmails emails;
  private final UserSessions sessions;
  private final ApiKeys apiKeys;
  private final SecurityAudit audit;
  private final RefusedDomains refusedDomains;

  CredentialChanges(
      Users users,
      PasswordEncoder passwords,
      PasswordPolicy policy,
      SignedTokens tokens,
      AccountEmails emails,
      UserSessions sessions,
      ApiKeys apiKeys,
      SecurityAudit audit,
      RefusedDomains refusedDomains) {
    this.refusedDomains = refusedDomains;
    this.apiKeys = apiKeys;
    this.audit = audit;
    this.users = users;
    this.passwords = passwords;
    this.policy = policy;
    this.tokens = tokens;
    this.emails = emails;
    this.sessions = sessions;
  }

  /** Confirms the email a link was sent to, if it is still the account's email. */
  @Transactional
  boolean verifyEmail(String token) {
    return tokens
        .read(SignedTokens.Purpose.VERIFY_EMAIL, token)
        .flatMap(claims -> users
            .find(claims.user())
            .filter(account -> tokens.issuedFor(claims, Users.normalize(account.email())))
            .map(account -> users.markVerified(account.id(), account.email())))
        .orElse(false);
  }

  void resendVerification(UserId user) {
    if (!users.isVerified(user)) {
      users.find(user).ifPresent(emails::sendVerification);
    }
  }

  /** Sends a reset link if the email has an account; silent otherwise. */
  void requestReset(String email) {
    if (email != null && !email.isBlank()) {
      users.credentialsByEmail(email).ifPresent(emails::sendReset);
    }
  }

  /** Whether a reset link is (still) good, to show its form or say it has expired. */
  boolean resetLinkValid(String token) {
    return resetTarget(token) != null;
  }

  /**
   * Sets a new password from a reset link, confirms the email (the link proved the inbox) and
   * ends every session of the account; if asked, revokes its API keys too (they are not ended by
   * default: a forgotten password is no reason to break the owner's scripts).
   *
   * @return false if the link is invalid, expired or used
   * @throws SignUpRejected if the new password is not acceptable
   */
  @Transactional
  boolean resetPassword(String token, String newPassword, boolean revokeApiKeys) {
    var target = resetTarget(token);
    if (target == null) {
      return false;
    }
    policy.weakness(newPassword).ifPresent(reason -> {
      throw new SignUpRejected("password", reason);
    });
    users.changePassword(target.account().id(), passwords.encode(newPassword));
    users.markVerified(target.account().id(), target.account().email());
    sessions.endAll(target.account().id(), null);
    var keys = revokeApiKeys ? apiKeys.revokeAll(target.account().id()) : 0;
    audit.byOwner(
        target.account().id(),
        "password_reset",
        "by emailed link; every session ended"
            + (revokeApiKeys ? "; API keys revoked: " + keys : ""));
    return true;
  }

  private Users.Credentials resetTarget(String token) {
    return tokens
        .read(SignedTokens.Purpose.RESET_PASSWORD, token)
        .flatMap(claims -> users
            .credentials(claims.user())
            .filter(credentials -> tokens.issuedFor(claims, AccountEmails.resetState(credentials))))
        .orElse(null);
  }

  /**
   * Changes the password of a signed-in user and ends their other sessions. Accounts without a
   * password (signed up through a provider) set one without giving a current one.
   */
  @Transactional
  void changePassword(
      UserId user, String currentPassword, String newPassword, String currentSessionId) {
    var credentials = users.credentials(user).orElseThrow();
    checkCurrentPassword(credentials, currentPassword);
    policy.weakness(newPassword).ifPresent(reason -> {
      throw new SignUpRejected("newPassword", reason);
    });
    users.changePassword(user, passwords.encode(newPassword));
    sessions.endAll(user, currentSessionId);
    audit.byOwner(user, "password_changed", "other sessions ended");
    emails.sendPasswordChanged(credentials.account());
  }

  /**
   * Sends a confirmation link to the new address; the change happens when it is opened. If the
   * address already has an account, that address gets a notice instead (same answer here).
   */
  void requestEmailChange(UserId user, String currentPassword, String newEmail) {
    var credentials = users.credentials(user).orElseThrow();
    checkCurrentPassword(credentials, currentPassword);
    var email = AccountManagement.checkEmail(newEmail);
    refusedDomains.check(email);
    if (users.existsByEmail(email)) {
      if (!Users.normalize(email).equals(Users.normalize(credentials.account().email()))) {
        emails.sendEmailTaken(email);
      }
      return;
    }
    emails.sendEmailChange(credentials.account(), email);
  }

  /** Moves the account to the address the link was sent to. */
  @Transactional
  boolean confirmEmailChange(String token) {
    var claims = tokens.read(SignedTokens.Purpose.CHANGE_EMAIL, token).orElse(null);
    if (claims == null) {
      return false;
    }
    var account = users.find(claims.user()).orElse(null);
    if (account == null || !tokens.issuedFor(claims, Users.normalize(account.email()))) {
      return false;
    }
    try {
      users.changeEmail(account.id(), claims.value());
    } catch (DuplicateKeyException e) {
      return false;
    }
    emails.sendEmailChanged(account.email(), account.displayName());
    return true;
  }

  private void checkCurrentPassword(Users.Credentials credentials, String currentPassword) {
    if (credentials.passwordHash() != null
        && (currentPassword == null
            || !passwords.matches(currentPassword, credentials.passwordHash()))) {
      throw new SignUpRejected("currentPassword", "Your current password is not right.");
    }
  }
}
