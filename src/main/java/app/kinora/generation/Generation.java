package app.kinora.generation;

import app.kinora.shared.UserId;
import app.kinora.media.SpriteSheet;
import app.kinora.shared.VideoSize;
import java.time.Instant;
import java.util.Optional;

/**
 * A request for a video and what became of it.
 *
 * @param framesPerSecond frame rate of the video
 * @param generateAudio whether the video gets a soundtrack
 * @param caption whether the prompt is overlaid as a caption
 * @param progress whole percent, 0 to 100
 * @param failure why it failed, when it did
 * @param spriteSheet the layout of the finished video's sprite sheet, once there is one
 * @param references the uploads the generation started from
 * @param negativePrompt what the video should avoid, or null
 */
public record Generation(
    GenerationId id,
    UserId owner,
    String model,
    String prompt,
    int seconds,
    VideoSize size,
    long seed,
    int framesPerSecond,
    boolean generateAudio,
    boolean caption,
    GenerationStatus status,
    int progress,
    Failure failure,
    Instant createdAt,
    Instant completedAt,
    SpriteSheet spriteSheet,
    GenerationReferences references,
    String negativePrompt) {

  /** A machine-readable code and a message for the user. */
  public record Failure(String code, String message) {

    /** Stopped by its owner rather than failed. */
    public boolean isCancellation() {
      return CANCELLED_CODE.equals(code);
    }
  }

  public static final String CANCELLED_CODE = "cancelled";
  public static final String CANCELLED_MESSAGE = "You cancelled this video; its credits went back to you.";

  public Optional<Failure> failureIfAny() {
    return Optional.ofNullable(failure);
  }

  public boolean isCompleted() {
    return status == GenerationStatus.COMPLETED;
  }
}
