package app.kinora.render.scene;

import app.kinora.render.canvas.Noise;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Layout;
import app.kinora.render.layers.Palette;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Paints the still backdrops once per video: a graded sky with the broad glow around the sun or
 * moon, the black of space with a nebula, and the blue of deep water.
 */
final class Skies {

  private Skies() {}

  /** Sky gradient down to the horizon, with an oval glow of {@code glowRadius} around (x, y). */
  static int[] outdoor(
      Palette palette, Layout layout, double x, double y, double glowRadius, double glowStrength) {
    int width = layout.width();
    int height = layout.height();
    var image = new int[width * height];
    for (int row = 0; row < height; row++) {
      int colour = palette.sky((layout.horizon() - row) / layout.horizon());
      Arrays.fill(image, row * width, (row + 1) * width, colour);
    }
    if (glowStrength > 0) {
      glow(image, width, height, palette.graded(palette.glow()), x, y, glowRadius, glowStrength);
    }
    return image;
  }

  /** Adds an oval glow of {@code radius} around (x, y), fading as (1 - distance)^2.2. */
  private static void glow(
      int[] image,
      int width,
      int height,
      int glow,
      double x,
      double y,
      double radius,
      double strength) {
    int top = (int) Math.max(0, y - radius * 0.7);
    int bottom = (int) Math.min(height, y + radius * 0.7);
    for (int row = top; row < bottom; row++) {
      double dy = (row - y) / 0.7;
      for (int col = (int) Math.max(0, x - radius); col < Math.min(width, x + radius); col++) {
        double dx = col - x;
        double d = Math.sqrt(dx * dx + dy * dy) / radius;
        if (d < 1) {
          double light = strength * Falloff.of(1 - d);
          image[row * width + col] = Rgb.add(image[row * width + col], Rgb.scale(glow, light));
        }
      }
    }
  }

  /**
   * {@code t^2.2} from a table filled with {@link StrictMath#pow} and interpolated: the glow
   * covers most of the frame, and a power per pixel was most of the cost of building a scene.
   * Interpolation is off by less than 10^-8, far below one level of colour.
   */
  private static final class Falloff {

    private static final int STEPS = 8192;
    private static final double[] TABLE = new double[STEPS + 1];

    static {
      for (int i = 0; i <= STEPS; i++) {
        TABLE[i] = StrictMath.pow(i / (double) STEPS, 2.2);
      }
    }

    static double of(double t) {
      double position = Math.clamp(t, 0, 1) * STEPS;
      int i = Math.min((int) position, STEPS - 1);
      double f = position - i;
      return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * f;
    }
  }

  /**
   * Soft clouds over the sky above the horizon, {@code cover} 0 (none) to 1 (overcast), their
   * undersides coloured by the light: white by day, pink and gold at dawn and dusk, grey in rain;
   * at {@code night} dark, lit from below by the horizon's glow.
   */
  static void clouds(
      int[] image,
      Palette palette,
      Layout layout,
      SplittableRandom random,
      double cover,
      boolean night) {
    int width = layout.width();
    int rows = (int) layout.horizon();
    int w = Math.max(2, width / 4);
    int h = Math.max(2, rows / 4);
    var density = Noise.grid(random, w, h, 3, 4);
    int lit = palette.graded(
        night
            ? Rgb.mix(palette.horizon(), 0x30343e, 0.35)
            : Rgb.mix(palette.glow(), 0xffffff, 0.55));
    int shade = palette.graded(
        night
            ? Rgb.mix(palette.zenith(), 0x0c0e14, 0.3)
            : Rgb.mix(palette.middle(), 0x8a90a0, 0.5));
    // where each column falls in the density grid, worked out once rather than on every row
    var column = new int[width];
    var across = new double[width];
    for (int x = 0; x < width; x++) {
      double sx = Math.min(w - 1.001, x * (w - 1.0) / (width - 1));
      column[x] = (int) sx;
      across[x] = sx - column[x];
    }
    double clear = 1 - cover;
    for (int y = 0; y < rows; y++) {
      double sy = Math.min(h - 1.001, y * (h - 1.0) / Math.max(1, rows - 1));
      int y0 = (int) sy;
      double fy = sy - y0;
      double thin = Math.min(1, (rows - y) / (rows * 0.25));
      int above = y0 * w;
      int below = above + w;
      for (int x = 0; x < width; x++) {
        int x0 = column[x];
        double fx = across[x];
        double n = (density[above + x0] * (1 - fx) + density[above + x0 + 1] * fx) * (1 - fy)
            + (density[below + x0] * (1 - fx) + density[below + x0 + 1] * fx) * fy;
        if (n <= clear) {
          continue; // clear sky here: alpha would be 0
        }
        double alpha = Math.clamp((n - clear) / 0.3, 0, 1) * thin;
        if (alpha > 0) {
          int colour = Rgb.mix(lit, shade, Math.clamp((1 - n) * 1.6, 0, 1));
          image[y * width + x] = Rgb.mix(image[y * width + x], colour, alpha * 0.9);
        }
      }
    }
  }

  /**
   * Space: near black with a nebula of two graded colours whose density comes from fractal
   * noise, crossed by darker dust; computed at a quarter of the size and smoothly enlarged.
   */
  static int[] space(Palette palette, Layout layout, SplittableRandom random, boolean nebula) {
    int width = layout.width();
    int height = layout.height();
    int w = Math.max(2, width / 4);
    int h = Math.max(2, height / 4);
    var density = Noise.grid(random, w, h, 3, 5);
    var hue = Noise.grid(random, w, h, 2, 3);
    var dust = Noise.grid(random, w, h, 4, 4);
    int first = palette.graded(0xd0306e);
    int second = palette.graded(0x2a4fd0);
    int third = palette.graded(0x30b8c0);
    int deep = palette.graded(0x06040f);
    var small = new int[w * h];
    for (int i = 0; i < small.length; i++) {
      double cloud = nebula ? Math.max(0, density[i] - 0.32) / 0.68 : 0;
      cloud = cloud * cloud * (1 - 0.7 * Math.max(0, dust[i] - 0.55) / 0.45);
      int tint = hue[i] < 0.5
          ? Rgb.mix(first, second, hue[i] * 2)
          : Rgb.mix(second, third, hue[i] * 2 - 1);
      small[i] = Rgb.add(deep, Rgb.scale(tint, cloud * 1.25));
    }
    return enlarged(small, w, h, width, height);
  }

  /** Deep water: light from the surface at the top fading to dark blue below. */
  static int[] underwater(Palette palette, Layout layout) {
    int width = layout.width();
    int height = layout.height();
    var image = new int[width * height];
    int surface = palette.graded(0x4fc3d8);
    int middle = palette.graded(0x137a9e);
    int deep = palette.graded(0x06284a);
    for (int row = 0; row < height; row++) {
      double v = (double) row / height;
      int colour =
          v < 0.45 ? Rgb.mix(surface, middle, v / 0.45) : Rgb.mix(middle, deep, (v - 0.45) / 0.55);
      Arrays.fill(image, row * width, (row + 1) * width, colour);
    }
    return image;
  }

  private static int[] enlarged(int[] small, int w, int h, int width, int height) {
    var image = new int[width * height];
    for (int y = 0; y < height; y++) {
      double sy = Math.min(h - 1.001, Math.max(0, (y + 0.5) * h / height - 0.5));
      int y0 = (int) sy;
      int fy = (int) ((sy - y0) * 256);
      for (int x = 0; x < width; x++) {
        double sx = Math.min(w - 1.001, Math.max(0, (x + 0.5) * w / width - 0.5));
        int x0 = (int) sx;
        int fx = (int) ((sx - x0) * 256);
        int top = Rgb.blend(small[y0 * w + x0], small[y0 * w + x0 + 1], fx);
        int bottom = Rgb.blend(small[(y0 + 1) * w + x0], small[(y0 + 1) * w + x0 + 1], fx);
        image[y * width + x] = Rgb.blend(top, bottom, fy);
      }
    }
    return image;
  }
}
