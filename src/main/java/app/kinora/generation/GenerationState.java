package app.kinora.generation;

import java.time.Instant;
import java.util.Objects;

/**
 * The part of a {@link Generation} that changes; {@code output} only when completed, {@code
 * failure} only when failed. It knows which state may follow which: each move returns the next
 * state or refuses, naming the generation and the state it is in.
 */
public record GenerationState(
    GenerationStatus status,
    int attempt,
    int progress,
    GenerationFailure failure,
    Generation.Output output,
    Instant completedAt) {

  /** Waiting for a worker, no attempt made yet. */
  static GenerationState queued() {
    return new GenerationState(GenerationStatus.QUEUED, 0, 0, null, null, null);
  }

  /** A new attempt begins (the previous one, if any, died with its node). */
  GenerationState started(GenerationId id) {
    require(!status.isTerminal(), id, "start");
    return new GenerationState(GenerationStatus.IN_PROGRESS, attempt + 1, 0, null, null, null);
  }

  /** The running attempt {@code by} finished the video, stored as {@code done}. */
  GenerationState completed(GenerationId id, int by, Generation.Output done, Instant now) {
    requireRunning(id, by, "complete");
    return new GenerationState(
        GenerationStatus.COMPLETED, by, 100, null, Objects.requireNonNull(done), now);
  }

  /** The running attempt {@code by} could not make the video. */
  GenerationState failed(GenerationId id, int by, GenerationFailure why, Instant now) {
    requireRunning(id, by, "fail");
    return ended(why, now);
  }

  /** Stopped before it ended, whichever attempt runs it; {@code why} must be a cancellation. */
  GenerationState cancelled(GenerationId id, GenerationFailure why, Instant now) {
    if (!why.isCancellation()) {
      throw new IllegalArgumentException(
          "a cancellation has the code " + Generation.CANCELLED_CODE);
    }
    require(!status.isTerminal(), id, "cancel");
    return ended(why, now);
  }

  /** Refuses to delete a generation that has not ended. */
  void requireDeletable(GenerationId id) {
    require(status.isTerminal(), id, "delete");
  }

  private GenerationState ended(GenerationFailure why, Instant now) {
    return new GenerationState(GenerationStatus.FAILED, attempt, progress, why, null, now);
  }

  private void requireRunning(GenerationId id, int by, String change) {
    require(status == GenerationStatus.IN_PROGRESS && attempt == by, id, change);
  }

  private void require(boolean allowed, GenerationId id, String change) {
    if (!allowed) {
      throw new IllegalStateException("Cannot %s generation %s: it is %s (attempt %d)."
          .formatted(change, id, status.apiName(), attempt));
    }
  }
}
