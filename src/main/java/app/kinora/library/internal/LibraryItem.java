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
 * @param favourite starred by its owner
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
    Instant createdAt,
    boolean favourite) {

  /** Tiles keep to sensible shapes: a stray size draws no ribbon or tower. */
  private static final double WIDEST = 3.0;

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
        createdAt, favourite);
  }

  /**
   * The width of the item's shape in its smallest whole numbers (16 for 1280×720), so a tile can
   * take the video's proportions before its poster arrives; 16:9 when the size is unknown.
   */
  public int ratioWidth() {
    return ratio()[0];
  }

  /** The height of the item's shape in its smallest whole numbers (9 for 1280×720). */
  public int ratioHeight() {
    return ratio()[1];
  }

  /** Portrait items (9:16, 3:4) get a tile taller than wide. */
  public boolean isPortrait() {
    return ratio()[1] > ratio()[0];
  }

  private int[] ratio() {
    if (width <= 0 || height <= 0) {
      return new int[] {16, 9};
    }
    double shape = (double) width / height;
    if (shape > WIDEST) {
      return new int[] {3, 1};
    }
    if (shape < 1 / WIDEST) {
      return new int[] {1, 3};
    }
    int divisor = java.math.BigInteger.valueOf(width)
        .gcd(java.math.BigInteger.valueOf(height))
        .intValue();
    return new int[] {width / divisor, height / divisor};
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
