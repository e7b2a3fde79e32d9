package app.kinora.media;

import java.time.Duration;

/**
 * The layout of a sprite sheet: {@code columns × rows} tiles of {@code tileWidth × tileHeight}
 * pixels, read left to right, top to bottom, one every {@code interval} of the video.
 */
public record SpriteSheet(int columns, int rows, int tileWidth, int tileHeight, Duration interval) {

  public int tiles() {
    return columns * rows;
  }
}
