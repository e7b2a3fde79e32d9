package app.kinora.library.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a user's library: a generated video (an output) or a reference they uploaded.
 *
 * @param seconds the requested length of an output, 0 for uploads
 * @param duration the measured length of an upload, zero for images and outputs
 * @param bytes stored size of the main file, 0 while unknown
 */
record LibraryItem(
    UUID id,
    UUID owner,
    Source source,
    Kind kind,
    Status status,
    String model,
    String prompt,
    int seconds,
    int width,
    int height,
    Duration duration,
    long bytes,
    Instant createdAt) {

  enum Source {
    OUTPUT,
    UPLOAD
  }

  enum Kind {
    VIDEO,
    IMAGE,
    AUDIO
  }

  enum Status {
    QUEUED,
    IN_PROGRESS,
    COMPLETED,
    FAILED,
    /** Stopped by its owner: not a failure, and the credits went back. */
    CANCELLED;

    static Status of(app.kinora.generation.Generation generation) {
      return switch (generation.status()) {
        case QUEUED -> QUEUED;
        case IN_PROGRESS -> IN_PROGRESS;
        case COMPLETED -> COMPLETED;
        case FAILED ->
          generation.failureIfAny().filter(f -> f.isCancellation()).isPresent()
              ? CANCELLED
              : FAILED;
      };
    }
  }

  /** The same item in another state: what the generation says while the index catches up. */
  LibraryItem withStatus(Status newStatus) {
    return new LibraryItem(
        id, owner, source, kind, newStatus, model, prompt, seconds, width, height, duration, bytes,
        createdAt);
  }

  public boolean isOutput() {
    return source == Source.OUTPUT;
  }

  public boolean isFinished() {
    return status == Status.COMPLETED || status == Status.FAILED || status == Status.CANCELLED;
  }

  public boolean isRunning() {
    return !isFinished();
  }

  public String size() {
    return width > 0 ? width + "×" + height : "";
  }

  /** The size in the units people read: "840 KB", "12.4 MB". */
  public String humanBytes() {
    if (bytes <= 0) {
      return "";
    }
    if (bytes < 1024 * 1024) {
      return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
    }
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }

  /** The day it was made, e.g. "29 Nov 2026" (UTC). */
  public String day() {
    return java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH)
        .format(createdAt.atZone(java.time.ZoneOffset.UTC));
  }

  public String statusLabel() {
    return switch (status) {
      case QUEUED -> "Queued";
      case IN_PROGRESS -> "Rendering";
      case COMPLETED -> "Ready";
      case FAILED -> "Failed";
      case CANCELLED -> "Cancelled";
    };
  }

  public String lengthLabel() {
    if (isOutput()) {
      return seconds + " s";
    }
    return duration.isZero()
        ? ""
        : String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
  }
}
