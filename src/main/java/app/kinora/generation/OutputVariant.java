package app.kinora.generation;

import java.util.Locale;
import java.util.Optional;

/** The files of a finished generation, named as the OpenAI API's {@code variant} parameter. */
public enum OutputVariant {
  VIDEO("video/mp4", "mp4"),
  THUMBNAIL("image/jpeg", "jpg"),
  SPRITESHEET("image/jpeg", "jpg");

  private final String contentType;
  private final String extension;

  OutputVariant(String contentType, String extension) {
    this.contentType = contentType;
    this.extension = extension;
  }

  public String contentType() {
    return contentType;
  }

  public String extension() {
    return extension;
  }

  /** {@code video}, {@code thumbnail} or {@code spritesheet}. */
  public static Optional<OutputVariant> parse(String name) {
    for (var variant : values()) {
      if (variant.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(variant);
      }
    }
    return Optional.empty();
  }
}
