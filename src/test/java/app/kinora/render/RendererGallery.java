package app.kinora.render;

import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.VideoSize;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Renders ten reference prompts through the real renderer and lays one mid-clip frame of each
 * out as a labelled 5×2 contact sheet, to see at a glance that the scenes look right and differ.
 * Run with {@code bench/gallery.sh [OUTPUT.png] [SIZE] [SECONDS]}; with a fourth argument, a
 * directory, it also keeps each full-size frame there.
 */
public final class RendererGallery {

  public static final List<String> PROMPTS = List.of(
      "Sunset over the ocean",
      "Snowy mountains at sunrise",
      "Neon city at night in the rain",
      "A quiet forest with fireflies",
      "Desert dunes at noon",
      "Stars and aurora over a frozen lake",
      "Deep space nebula",
      "Underwater coral reef",
      "Campfire sparks at night",
      "Foggy morning meadow");

  private static final int COLUMNS = 5;
  private static final int TILE_WIDTH = 384;
  private static final int LABEL = 30;

  public static void main(String[] args) throws Exception {
    org.bytedeco.ffmpeg.global.avutil.av_log_set_level(
        org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    var output = Path.of(args.length > 0 ? args[0] : "docs/renderer-gallery.png");
    var size = VideoSize.parse(args.length > 1 ? args[1] : "1280x720");
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    var frames = args.length > 3 ? Path.of(args[3]) : null;
    var dir = Files.createTempDirectory("kinora-gallery");
    var renderer = new LocalRenderer(NoReferenceClips.DECODER);
    int tileHeight = TILE_WIDTH * size.height() / size.width();
    int rows = (PROMPTS.size() + COLUMNS - 1) / COLUMNS;
    var sheet = new BufferedImage(
        COLUMNS * TILE_WIDTH, rows * (tileHeight + LABEL), BufferedImage.TYPE_INT_RGB);
    var g = sheet.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(new Color(0x15171c));
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
    for (int i = 0; i < PROMPTS.size(); i++) {
      var prompt = PROMPTS.get(i);
      var video = dir.resolve("scene-" + i + ".mp4");
      long start = System.nanoTime();
      renderer.generate(
          ProviderSpecs.of(
              LocalRenderer.MODEL,
              prompt,
              Duration.ofSeconds(seconds),
              size,
              7,
              24,
              true,
              false,
              ReferenceMedia.NONE),
          p -> {},
          video);
      System.out.printf("%-40s %6.0f ms%n", prompt, (System.nanoTime() - start) / 1e6);
      var frame = middleFrame(video);
      if (frames != null) {
        Files.createDirectories(frames);
        ImageIO.write(frame, "png", frames.resolve("scene-" + i + ".png").toFile());
      }
      int x = (i % COLUMNS) * TILE_WIDTH;
      int y = (i / COLUMNS) * (tileHeight + LABEL);
      g.drawImage(frame, x, y, TILE_WIDTH, tileHeight, null);
      g.setColor(new Color(0xe8eaef));
      g.drawString(prompt, x + 8, y + tileHeight + 20);
    }
    g.dispose();
    ImageIO.write(sheet, "png", output.toFile());
    System.out.println("wrote " + output);
  }

  private static BufferedImage middleFrame(Path video) throws Exception {
    try (var grabber = new FFmpegFrameGrabber(video.toFile());
        var converter = new Java2DFrameConverter()) {
      grabber.start();
      grabber.setVideoFrameNumber(grabber.getLengthInVideoFrames() / 2);
      var image = converter.convert(grabber.grabImage());
      var copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
      copy.getGraphics().drawImage(image, 0, 0, null);
      return copy;
    }
  }
}
