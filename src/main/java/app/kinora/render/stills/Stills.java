package app.kinora.render.stills;

import app.kinora.media.SpriteSheet;
import app.kinora.provider.spi.RenderedDerivatives;
import app.kinora.render.canvas.Canvas;
import app.kinora.shared.VideoSize;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.DirectColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.FileImageOutputStream;

/**
 * The poster and the sprite sheet of a video, taken from its frames as they are drawn instead of
 * cut from the finished file by FFmpeg: the frames that {@link RenderedDerivatives} names are
 * shrunk as they pass (from the drawn picture, before the video's colour subsampling and
 * compression) and written as JPEGs beside the video once it is complete.
 */
public final class Stills {

  private static final float POSTER_QUALITY = 0.9f;
  private static final float SPRITE_QUALITY = 0.85f;

  private final VideoSize size;
  private final int frames;
  private final SpriteSheet layout;
  private final int posterFrame;
  private final int posterWidth;
  private final int posterHeight;
  private final int[] poster;
  private final int[] sheet;
  private boolean posterTaken;
  private int tilesTaken;

  public Stills(VideoSize size, Duration duration, int frames) {
    this.size = size;
    this.frames = frames;
    this.layout = RenderedDerivatives.layout(size, duration);
    this.posterFrame = firstFrameFrom(2, 5);
    this.posterWidth = Math.min(RenderedDerivatives.POSTER_MAX_WIDTH, size.width());
    this.posterHeight = 2 * Math.round(size.height() * posterWidth / (2f * size.width()));
    this.poster = new int[posterWidth * posterHeight];
    this.sheet =
        new int[layout.columns() * layout.tileWidth() * layout.rows() * layout.tileHeight()];
  }

  /** Keeps what the stills need of frame {@code frame}, drawn on {@code canvas}; called for every frame in order. */
  public void take(int frame, Canvas canvas) {
    if (frame == posterFrame) {
      Shrink.into(
          canvas.pixels,
          canvas.width,
          canvas.height,
          posterWidth,
          posterHeight,
          poster,
          0,
          posterWidth);
      posterTaken = true;
    }
    int tiles = layout.tiles();
    while (tilesTaken < tiles && frame == firstFrameFrom(tilesTaken, tiles)) {
      int stride = layout.columns() * layout.tileWidth();
      int left = tilesTaken % layout.columns() * layout.tileWidth();
      int top = tilesTaken / layout.columns() * layout.tileHeight();
      Shrink.into(
          canvas.pixels,
          canvas.width,
          canvas.height,
          layout.tileWidth(),
          layout.tileHeight(),
          sheet,
          top * stride + left,
          stride);
      tilesTaken++;
    }
  }

  /**
   * Writes the poster and the sprite sheet beside {@code video}, each under a temporary name
   * first, and returns them; fails if a frame they need was not taken.
   */
  public RenderedDerivatives write(Path video) throws IOException {
    if (!posterTaken || tilesTaken < layout.tiles()) {
      throw new IllegalStateException(
          "stills of %d frames of %s are missing frames".formatted(frames, size));
    }
    var posterFile = RenderedDerivatives.posterBeside(video);
    var spriteFile = RenderedDerivatives.spriteSheetBeside(video);
    jpeg(poster, posterWidth, posterHeight, POSTER_QUALITY, posterFile);
    jpeg(
        sheet,
        layout.columns() * layout.tileWidth(),
        layout.rows() * layout.tileHeight(),
        SPRITE_QUALITY,
        spriteFile);
    return new RenderedDerivatives(posterFile, spriteFile, layout);
  }

  /** The first frame at or after {@code part}/{@code parts} of the clip. */
  private int firstFrameFrom(int part, int parts) {
    return Math.min(frames - 1, (int) (((long) part * frames + parts - 1) / parts));
  }

  private static void jpeg(int[] rgb, int width, int height, float quality, Path file)
      throws IOException {
    int[] masks = {0xff0000, 0xff00, 0xff};
    var raster = Raster.createPackedRaster(
        new DataBufferInt(rgb, rgb.length), width, height, width, masks, null);
    var image = new BufferedImage(
        new DirectColorModel(24, masks[0], masks[1], masks[2]), raster, false, null);
    var writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    var partial = file.resolveSibling(file.getFileName() + ".part");
    try (var out = new FileImageOutputStream(partial.toFile())) {
      var params = writer.getDefaultWriteParam();
      params.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      params.setCompressionQuality(quality);
      writer.setOutput(out);
      writer.write(null, new IIOImage(image, null, null), params);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    } finally {
      writer.dispose();
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }
}
