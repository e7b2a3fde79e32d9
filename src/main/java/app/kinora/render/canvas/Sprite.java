package app.kinora.render.canvas;

import java.awt.image.BufferedImage;

/**
 * A small picture drawn many times: a soft light (its pixels are light to add, black being
 * none), or an ARGB image blended by its alpha. Made once per video, so its cost does not count
 * per frame.
 */
public record Sprite(int width, int height, int[] pixels) {

  /**
   * A round light of {@code radius} pixels: a bright core that fades out; {@code sharpness}
   * above 1 makes a smaller, harder core.
   */
  public static Sprite glow(double radius, int rgb, double sharpness) {
    int size = (int) Math.ceil(radius) * 2 + 1;
    int centre = size / 2;
    var pixels = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double d = Math.hypot(x - centre, y - centre) / radius;
        if (d < 1) {
          double falloff = StrictMath.pow(1 - d, 2 * sharpness);
          pixels[y * size + x] = Rgb.scale(rgb, falloff);
        }
      }
    }
    return new Sprite(size, size, pixels);
  }

  /**
   * The glow around a {@code width} by {@code height} bar of light, fading over {@code reach}
   * pixels: white, to be tinted with the bar's colour when drawn.
   */
  public static Sprite halo(int width, int height, double reach) {
    int r = (int) Math.ceil(reach);
    int w = width + 2 * r;
    int h = height + 2 * r;
    var pixels = new int[w * h];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double dx = Math.max(0, Math.max(r - x, x - (r + width - 1)));
        double dy = Math.max(0, Math.max(r - y, y - (r + height - 1)));
        double d = Math.min(1, Math.hypot(dx, dy) / reach);
        int level = (int) Math.round(190 * (1 - d) * (1 - d));
        pixels[y * w + x] = level << 16 | level << 8 | level;
      }
    }
    return new Sprite(w, h, pixels);
  }

  /** A filled disc with a soft rim, as ARGB, e.g. the moon or a snowflake. */
  public static Sprite disc(double radius, int rgb, double opacity) {
    int size = (int) Math.ceil(radius + 1) * 2 + 1;
    double centre = size / 2;
    var pixels = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double coverage = Math.clamp(radius + 0.5 - Math.hypot(x - centre, y - centre), 0, 1);
        int alpha = (int) Math.round(coverage * opacity * 255);
        pixels[y * size + x] = alpha << 24 | rgb;
      }
    }
    return new Sprite(size, size, pixels);
  }

  /** A thin ring with a faint fill, as ARGB: a bubble. */
  public static Sprite ring(double radius, int rgb) {
    int size = (int) Math.ceil(radius + 1) * 2 + 1;
    double centre = size / 2;
    var pixels = new int[size * size];
    for (int y = 0; y < size; y++) {
      for (int x = 0; x < size; x++) {
        double d = Math.hypot(x - centre, y - centre);
        double rim = Math.clamp(1.2 - Math.abs(d - radius + 0.6), 0, 1);
        double fill = d < radius ? 0.12 : 0;
        int alpha = (int) Math.round(Math.max(rim * 0.8, fill) * 255);
        pixels[y * size + x] = alpha << 24 | rgb;
      }
    }
    return new Sprite(size, size, pixels);
  }

  public static Sprite of(BufferedImage image) {
    int w = image.getWidth();
    int h = image.getHeight();
    return new Sprite(w, h, image.getRGB(0, 0, w, h, null, 0, w));
  }
}
