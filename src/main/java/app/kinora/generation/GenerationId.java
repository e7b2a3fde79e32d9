package app.kinora.generation;

import java.util.Objects;
import java.util.UUID;

/** Identifies a generation. In the public API it reads {@code video_<32 hex digits>}. */
public record GenerationId(UUID value) {

  private static final String API_PREFIX = "video_";

  public GenerationId {
    Objects.requireNonNull(value, "generation id");
  }

  public static GenerationId random() {
    return new GenerationId(UUID.randomUUID());
  }

  /** The id as the OpenAI-shaped API shows it. */
  public String apiId() {
    return API_PREFIX + value.toString().replace("-", "");
  }

  /** Parses an API id; empty-handed callers get {@link IllegalArgumentException}. */
  public static GenerationId fromApiId(String apiId) {
    if (apiId == null
        || !apiId.startsWith(API_PREFIX)
        || apiId.length() != API_PREFIX.length() + 32) {
      throw new IllegalArgumentException("not a video id: " + apiId);
    }
    var hex = apiId.substring(API_PREFIX.length());
    return new GenerationId(new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16)));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
