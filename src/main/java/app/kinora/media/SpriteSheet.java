package app.kinora.media;

import app.kinora.shared.VideoSize;
import java.time.Duration;

/**
 * The layout of a sprite sheet: {@code columns × rows} tiles of {@code tileWidth × tileHeight}
 * pixels, read left to right, top to bottom, one every {@code interval} of the video.
 */
public record SpriteSheet(int columns, int rows, int tileWidth, int tileHeight, Duration interval) {

  /** Kinora's sprite sheets: 5×4 tiles 192 pixels wide (even heights), evenly spread over the video. */
  public static SpriteSheet forVideo(VideoSize size, Duration duration) {
    int columns = 5;
    int rows = 4;
    int tileWidth = 192;
    int tileHeight = 2 * Math.round(tileWidth * size.height() / (2f * size.width()));
    return new SpriteSheet(
        columns, rows, tileWidth, tileHeight, duration.dividedBy(columns * rows));
  }

  public int tiles() {
    return columns * rows;
  }
}
