package app.kinora.generation;

import java.util.Locale;

/** Where a generation is in its life; the names match the OpenAI Videos API. */
public enum GenerationStatus {
  QUEUED,
  IN_PROGRESS,
  COMPLETED,
  FAILED;

  /** Taken by a worker and not ended. */
  public boolean isRunning() {
    return this == IN_PROGRESS;
  }

  public boolean isTerminal() {
    return this == COMPLETED || this == FAILED;
  }

  /** {@code queued}, {@code in_progress}, {@code completed} or {@code failed}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
