package app.kinora.provider.spi;

import app.kinora.media.SpriteSheet;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The poster and sprite sheet a {@link LocalVideoProvider} made from its own frames while
 * rendering, left beside the video it wrote, so that they need not be cut from the finished file
 * again. Optional: a provider that does not make them leaves nothing there, and the pictures are
 * made from the video as before. Both files are complete when {@code generate} returns normally;
 * when it throws, the provider has left neither. The caller deletes them with the video's other
 * work files.
 *
 * <p>The pictures are those the media module makes from a video: the poster is the first frame
 * at or after 40 % of the clip, at most {@value #POSTER_MAX_WIDTH} pixels wide; the sprite sheet
 * is the grid of {@link SpriteSheet#forVideo}, read left to right and top to bottom, tile k being
 * the first frame at or after k twentieths of the clip. Both are JPEG.
 *
 * @param poster the poster, a JPEG
 * @param spriteSheet the sprite sheet, a JPEG
 * @param layout the sprite sheet's grid
 */
public record RenderedDerivatives(Path poster, Path spriteSheet, SpriteSheet layout) {

  public static final int POSTER_MAX_WIDTH = 1280;

  /** Where a provider puts the poster of {@code video}: {@code <video>.poster.jpg}. */
  public static Path posterBeside(Path video) {
    return video.resolveSibling(video.getFileName() + ".poster.jpg");
  }

  /** Where a provider puts the sprite sheet of {@code video}: {@code <video>.sprite.jpg}. */
  public static Path spriteSheetBeside(Path video) {
    return video.resolveSibling(video.getFileName() + ".sprite.jpg");
  }

  /** The grid of a sprite sheet of a video of this size and length; tiles have even heights. */
  public static SpriteSheet layout(VideoSize size, Duration duration) {
    return SpriteSheet.forVideo(size, duration);
  }

  /** The pictures the provider left beside {@code video}, if it left both. */
  public static Optional<RenderedDerivatives> beside(
      Path video, VideoSize size, Duration duration) {
    var poster = posterBeside(video);
    var spriteSheet = spriteSheetBeside(video);
    if (!nonEmpty(poster) || !nonEmpty(spriteSheet)) {
      return Optional.empty();
    }
    return Optional.of(new RenderedDerivatives(poster, spriteSheet, layout(size, duration)));
  }

  private static boolean nonEmpty(Path file) {
    try {
      return Files.isRegularFile(file) && Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }
}
