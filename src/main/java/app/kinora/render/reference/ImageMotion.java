package app.kinora.render.reference;

import app.kinora.shared.VideoSize;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Image to video: the reference image fills the frame (cropped to cover it) and a slow camera
 * move — a Ken Burns zoom with a drift whose direction comes from the seed — brings it to life.
 * The first frame shows the image exactly as uploaded. With a last-frame image, the clip
 * dissolves into that second image, moving too, over its second half.
 */
final class ImageMotion {

  private static final double ZOOM = 0.12;

  private final BufferedImage first;
  private final BufferedImage last;
  private final VideoSize size;
  private final double driftX;
  private final double driftY;

  private ImageMotion(BufferedImage first, BufferedImage last, VideoSize size, long seed) {
    this.first = first;
    this.last = last;
    this.size = size;
    var angle = (seed % 360) * Math.PI / 180;
    this.driftX = Math.cos(angle);
    this.driftY = Math.sin(angle) * 0.5;
  }

  /** Reads the sanitised PNGs (the JDK's pure-Java reader; Kinora wrote these files itself). */
  static ImageMotion load(Path firstFrame, Path lastFrame, VideoSize size, long seed)
      throws IOException {
    return new ImageMotion(
        read(firstFrame), lastFrame == null ? null : read(lastFrame), size, seed);
  }

  /** Paints the backdrop for {@code progress} (0..1) of the clip. */
  void paint(Graphics2D g, double progress) {
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    double eased = ease(progress);
    draw(g, first, eased);
    if (last != null && progress > 0.5) {
      var composite = g.getComposite();
      g.setComposite(java.awt.AlphaComposite.getInstance(
          java.awt.AlphaComposite.SRC_OVER, (float) ease((progress - 0.5) * 2)));
      draw(g, last, 1 - eased);
      g.setComposite(composite);
    }
  }

  private void draw(Graphics2D g, BufferedImage image, double amount) {
    double cover = Math.max(
        size.width() / (double) image.getWidth(), size.height() / (double) image.getHeight());
    double scale = cover * (1 + ZOOM * amount);
    double slackX = image.getWidth() * scale - size.width();
    double slackY = image.getHeight() * scale - size.height();
    double x = -slackX / 2 + driftX * amount * slackX / 2 * 0.8;
    double y = -slackY / 2 + driftY * amount * slackY / 2 * 0.8;
    var transform = new AffineTransform(scale, 0, 0, scale, x, y);
    g.drawImage(image, transform, null);
  }

  private static double ease(double t) {
    return t * t * (3 - 2 * t);
  }

  private static BufferedImage read(Path png) throws IOException {
    var image = ImageIO.read(png.toFile());
    if (image == null) {
      throw new IOException("unreadable reference image " + png.getFileName());
    }
    return image;
  }
}
