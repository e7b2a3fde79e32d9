package app.kinora.generation;

import app.kinora.shared.VideoSize;
import java.time.Duration;

/**
 * Reads a request's text fields into the spec's types, for the edges (the studio's form, the
 * API); a blank field is null, so the model's default applies. A malformed one is refused naming
 * the field.
 */
public final class SpecFields {

  private SpecFields() {}

  /** {@code "8"} → 8 seconds, as the OpenAI API sends it. */
  public static Duration seconds(String text) {
    if (blank(text)) {
      return null;
    }
    try {
      var seconds = Integer.parseInt(text.strip());
      if (seconds < 0) {
        throw new NumberFormatException();
      }
      return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest(
          "seconds",
          "invalid_seconds",
          "seconds must be a whole number such as \"4\", got \"%s\".".formatted(text.strip()));
    }
  }

  /** {@code "1280x720"}. */
  public static VideoSize size(String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return VideoSize.parse(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidGenerationRequest("size", "invalid_size", e.getMessage() + ".");
    }
  }

  public static Long seed(String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest(
          "seed", "invalid_seed", "The seed must be a whole number.");
    }
  }

  public static Integer framesPerSecond(String text) {
    if (blank(text)) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest(
          "fps", "invalid_fps", "Choose a frame rate from the list.");
    }
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
