package app.kinora.render;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.SpriteSheet;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import app.kinora.shared.VideoSize;
import java.awt.Image;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The poster and sprite sheet the renderer leaves beside the video, against the video's own frames. */
class StillsIntegrationTest {

  private static final VideoSize SIZE = new VideoSize(854, 480);
  private static final int FPS = 24;
  private static final int FRAMES = 2 * FPS;

  @TempDir
  static Path dir;

  private static Path video;
  private static List<BufferedImage> decoded;

  @BeforeAll
  static void renderAnAerialPanAndDecodeIt() throws Exception {
    video = dir.resolve("pan.mp4");
    new LocalRenderer(NoReferenceClips.DECODER)
        .generate(
            ProviderSpecs.of(
                LocalRenderer.MODEL,
                "Aerial shot panning over snowy mountains",
                Duration.ofSeconds(2),
                SIZE,
                3,
                FPS,
                false,
                false,
                ReferenceMedia.NONE),
            p -> {},
            video);
    decoded = new ArrayList<>();
    try (var grabber = new FFmpegFrameGrabber(video.toFile());
        var converter = new Java2DFrameConverter()) {
      grabber.start();
      for (var frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
        decoded.add(rgb(converter.convert(frame)));
      }
    }
  }

  @Test
  void leavesAPosterAndASpriteSheetOfTheMediaModulesLayoutBesideTheVideo() throws Exception {
    var stills = RenderedDerivatives.beside(video, SIZE, Duration.ofSeconds(2)).orElseThrow();

    assertThat(stills.layout()).isEqualTo(new SpriteSheet(5, 4, 192, 108, Duration.ofMillis(100)));
    var poster = ImageIO.read(stills.poster().toFile());
    assertThat(poster.getWidth()).isEqualTo(854);
    assertThat(poster.getHeight()).isEqualTo(480);
    var sheet = ImageIO.read(stills.spriteSheet().toFile());
    assertThat(sheet.getWidth()).isEqualTo(5 * 192);
    assertThat(sheet.getHeight()).isEqualTo(4 * 108);
  }

  @Test
  void thePosterIsTheFrameAtFortyPercent() throws Exception {
    var poster = rgb(ImageIO.read(RenderedDerivatives.posterBeside(video).toFile()));
    int frame = (int) Math.ceil(FRAMES * 0.4);

    double own = difference(poster, decoded.get(frame));
    assertThat(own).isLessThan(6);
    assertThat(own).isLessThan(difference(poster, decoded.get(0)) / 2);
    assertThat(own).isLessThan(difference(poster, decoded.get(FRAMES - 1)) / 2);
  }

  @Test
  void tileKIsTheFrameAtKTwentiethsOfTheClip() throws Exception {
    var sheet = rgb(ImageIO.read(RenderedDerivatives.spriteSheetBeside(video).toFile()));
    for (int k = 0; k < 20; k++) {
      var tile = sheet.getSubimage(k % 5 * 192, k / 5 * 108, 192, 108);
      double own = difference(tile, shrunk(decoded.get((int) Math.ceil(k * FRAMES / 20.0))));
      double halfAClipAway =
          difference(tile, shrunk(decoded.get((int) Math.ceil((k + 10) % 20 * FRAMES / 20.0))));

      assertThat(own).as("tile %d", k).isLessThan(8).isLessThan(halfAClipAway / 2);
    }
  }

  /** The frame shrunk to a tile by Java2D's own area averaging. */
  private static BufferedImage shrunk(BufferedImage frame) {
    return rgb(frame.getScaledInstance(192, 108, Image.SCALE_AREA_AVERAGING));
  }

  /** Mean absolute difference per channel, 0 to 255. */
  private static double difference(BufferedImage a, BufferedImage b) {
    long sum = 0;
    for (int y = 0; y < a.getHeight(); y++) {
      for (int x = 0; x < a.getWidth(); x++) {
        int p = a.getRGB(x, y);
        int q = b.getRGB(x, y);
        for (int shift = 0; shift <= 16; shift += 8) {
          sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
        }
      }
    }
    return sum / (3.0 * a.getWidth() * a.getHeight());
  }

  private static BufferedImage rgb(Image image) {
    var copy =
        new BufferedImage(image.getWidth(null), image.getHeight(null), BufferedImage.TYPE_INT_RGB);
    var g = copy.createGraphics();
    g.drawImage(image, 0, 0, null);
    g.dispose();
    return copy;
  }
}
