package app.kinora.safety;

import app.kinora.shared.UserId;
import java.time.Instant;
import java.util.List;

/** What operators see and change of safety in the console; the caller audits with a reason. */
public interface SafetyAdministration {

  List<BlockedTerm> terms();

  /**
   * Adds a blocked term (matched as a whole word or phrase, any case) or a regular expression.
   *
   * @throws IllegalArgumentException for an empty term, an unknown category or a broken pattern
   */
  void addTerm(String category, String pattern, boolean regex);

  boolean removeTerm(long id);

  Settings settings();

  void changeSettings(boolean failClosed, boolean keepPrompts);

  /** Accounts with refusals in the strike window or suspended submissions, most refused first. */
  List<Flag> flags();

  /** The newest refusals, with prompts only when they were kept for review. */
  List<Block> recentBlocks(int limit);

  /** Lets a suspended account ask for videos again (its strikes so far no longer count). */
  boolean liftSuspension(UserId user);

  /** Suspends an account's submissions by hand. */
  boolean suspendSubmissions(UserId user, String reason);

  /** @throws IllegalArgumentException outside -10..10 */
  void setPriority(UserId user, int priority);

  /** The categories terms can be filed under. */
  List<String> categories();

  record BlockedTerm(long id, String category, String pattern, boolean regex) {}

  /**
   * @param moderationEndpoint whether a moderation endpoint is configured
   */
  record Settings(
      boolean failClosed,
      boolean keepPrompts,
      int strikes,
      java.time.Duration strikeWindow,
      boolean moderationEndpoint) {}

  record Flag(UserId user, long strikes, Instant suspendedAt, String reason, int priority) {
    public boolean suspended() {
      return suspendedAt != null;
    }
  }

  record Block(
      UserId user, String source, String category, String screener, String prompt, Instant at) {}
}
