package app.kinora.generation;

import app.kinora.shared.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What operators see of every user's generations and may do to them from the console. Prompts
 * are not part of it: an operator sees what ran, where and how it ended, not what was asked.
 */
public interface GenerationAdministration {

  /** Generations matching the filter, newest first. */
  List<Summary> search(Filter filter, int limit);

  Optional<Summary> summary(GenerationId id);

  /**
   * Stops a generation that has not ended, whoever owns it; its credits go back to the owner.
   *
   * @return false when it is unknown or has ended
   */
  boolean cancel(GenerationId id);

  /** Stops every generation of the user that has not ended; returns how many were stopped. */
  int cancelAll(UserId owner);

  /**
   * Runs a failed generation again as a new one, at no cost to its owner: its price is given back
   * to the owner as an adjustment (by {@code operator}, with the reason) before the new hold.
   *
   * @throws IllegalStateException when the generation did not fail, or was cancelled
   * @throws InvalidGenerationRequest when it can no longer be run (a reference was deleted, say)
   */
  Generation retryAtNoCost(GenerationId failed, String operator, String reason);

  /** Counts for the console's overview, since the given time. */
  Overview overview(Instant since);

  /**
   * The user's newest requests with what they asked for: only for an operator who opened a case
   * about the account, with a reason the caller has recorded in the audit trail.
   */
  List<Request> requests(UserId owner, int limit);

  /** What a user asked for, shown to an operator with an open case. */
  record Request(
      GenerationId id,
      Instant createdAt,
      String model,
      GenerationStatus status,
      String prompt,
      String negativePrompt) {}

  /**
   * @param owner only this user's; null for everyone's
   * @param status only this status; null for any
   * @param model only this model; null for any
   * @param errorCode only failures with this code; null for any
   */
  record Filter(UserId owner, GenerationStatus status, String model, String errorCode) {

    public static Filter none() {
      return new Filter(null, null, null, null);
    }
  }

  /** A generation without its prompt. */
  record Summary(
      GenerationId id,
      UserId owner,
      String model,
      GenerationStatus status,
      int attempt,
      int progress,
      int seconds,
      String size,
      String errorCode,
      String errorMessage,
      Instant createdAt,
      Instant startedAt,
      Instant completedAt) {

    public boolean retryable() {
      return status == GenerationStatus.FAILED && !Generation.CANCELLED_CODE.equals(errorCode);
    }
  }

  /**
   * @param perHour generations made per hour, by status and model
   * @param failures failures by model and code
   * @param queued waiting for a worker now
   * @param running running now
   * @param oldestWaiting when the longest-waiting generation was asked for; null when none waits
   */
  record Overview(
      List<HourCount> perHour,
      List<FailureCount> failures,
      long queued,
      long running,
      Instant oldestWaiting) {}

  record HourCount(Instant hour, String model, GenerationStatus status, long count) {}

  record FailureCount(String model, String code, long count) {}
}
