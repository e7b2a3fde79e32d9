package app.kinora.account;

import app.kinora.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * What operators may do to accounts from the console. The caller records the action in the audit
 * trail with the operator's reason.
 */
public interface AccountAdministration {

  /** Accounts whose email or display name contains the text (any case), newest first. */
  List<AccountSummary> search(String text, int limit);

  /** The account with this address (any case, surrounding spaces ignored). */
  Optional<AccountSummary> findByEmail(String email);

  Optional<AccountSummary> summary(UserId id);

  /** How many accounts exist, and how many of them are suspended. */
  Counts counts();

  /**
   * Suspends the account: it can no longer sign in or use its API keys, and every session it has
   * ends now. Its running videos are the generation module's business (the console cancels them).
   *
   * @return false when it was suspended already or is unknown
   */
  boolean suspend(UserId id, String reason);

  /** Lifts a suspension; false when the account was not suspended. */
  boolean reinstate(UserId id);

  /**
   * Sends the confirmation link again to an account whose address is not confirmed yet.
   *
   * @return false when the address is confirmed already or the account is unknown
   */
  boolean resendVerification(UserId id);

  /** Ends every session of the account (its API keys stay). */
  void endSessions(UserId id);

  /** The email domains refused at sign-up and email change. */
  List<RefusedDomain> refusedDomains();

  /**
   * Refuses new sign-ups (and email changes) with addresses at the domain or below it.
   *
   * @throws IllegalArgumentException for text that is not a domain name
   * @return false when it was refused already
   */
  boolean refuseDomain(String domain, String reason);

  /** Accepts the domain again; false when it was not refused. */
  boolean allowDomain(String domain);

  record RefusedDomain(String domain, String reason, java.time.Instant since) {}

  /** Every account, and the suspended ones. */
  record Counts(long accounts, long suspended) {}
}
