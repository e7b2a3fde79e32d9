package app.kinora.media;

import java.util.List;
import java.util.Objects;

/**
 * Where a finished video was stored: the MP4 and its size in bytes, the poster, the sprite sheet
 * and the sprite sheet's layout. Made by {@link VideoOutputs}; the keys are opaque to callers.
 */
public record StoredVideo(
    BlobKey video, long videoBytes, BlobKey poster, BlobKey spriteSheet, SpriteSheet layout) {

  public StoredVideo {
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(poster, "poster");
    Objects.requireNonNull(spriteSheet, "spriteSheet");
    Objects.requireNonNull(layout, "layout");
    if (videoBytes <= 0) {
      throw new IllegalArgumentException("a stored video has bytes: " + videoBytes);
    }
  }

  /** The video, the poster and the sprite sheet. */
  public List<BlobKey> keys() {
    return List.of(video, poster, spriteSheet);
  }
}
