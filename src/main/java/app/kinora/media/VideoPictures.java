package app.kinora.media;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The pictures of a video that its renderer made along with it: a poster JPEG and a sprite sheet
 * JPEG with its layout. Given to {@link VideoOutputs#store(java.util.UUID, Path, VideoPictures)},
 * they save two FFmpeg runs.
 */
public record VideoPictures(Path poster, Path spriteSheet, SpriteSheet layout) {

  public VideoPictures {
    Objects.requireNonNull(poster, "poster");
    Objects.requireNonNull(spriteSheet, "spriteSheet");
    Objects.requireNonNull(layout, "layout");
  }
}
