package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Noise;
import app.kinora.render.canvas.Rgb;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Water from the horizon down: the frame above it mirrored (sky, sun and far land), rippled,
 * darkened towards the viewer, with moving wave highlights and the sun's glitter path. The same
 * surface, calmer or rougher, makes a sea, a still lake, ice or a wet street.
 */
public final class Water implements Layer {

  /** How the surface behaves. */
  public enum Surface {
    SEA(0.3, 1.0, 1.0, 0.9),
    LAKE(0.12, 0.25, 0.35, 1.0),
    ICE(0.5, 0.0, 0.15, 1.0),
    STREET(0.3, 0.5, 0.4, 0.45);

    private final double opacity;
    private final double wobble;
    private final double ripple;
    private final double stretch;

    /** {@code stretch} below 1 draws reflections longer than their objects, as on a wet street. */
    Surface(double opacity, double wobble, double ripple, double stretch) {
      this.opacity = opacity;
      this.wobble = wobble;
      this.ripple = ripple;
      this.stretch = stretch;
    }
  }

  private static final int TEXTURE = 1024;

  private final Surface surface;
  private final double horizon;
  private final int far;
  private final int near;
  private final int shine;
  private final int glint;
  private final double glintX;
  private final int[] texture;
  private int top;

  /**
   * @param horizon world y of the water line
   * @param far colour of the water near the horizon, near the colour towards the viewer
   * @param shine the colour wave highlights add
   * @param glint the sun's colour on the water, 0 for none; {@code glintX} its world x
   */
  public Water(
      Surface surface,
      SplittableRandom random,
      double horizon,
      int far,
      int near,
      int shine,
      int glint,
      double glintX) {
    this.surface = surface;
    this.horizon = horizon;
    this.far = far;
    this.near = near;
    this.shine = shine;
    this.glint = glint;
    this.glintX = glintX;
    var noise = Noise.fractal(random, TEXTURE, 96, 2, true);
    this.texture = new int[TEXTURE];
    for (int i = 0; i < TEXTURE; i++) {
      double crest = Math.max(0, noise[i] - 0.6) / 0.4;
      texture[i] = (int) (crest * 256);
    }
  }

  @Override
  public void prepare(View view) {
    top = (int) Math.ceil(view.screenY(horizon, 0));
  }

  @Override
  public void cover(int[] floor) {
    for (int x = 0; x < floor.length; x++) {
      floor[x] = Math.min(floor[x], Math.max(0, top));
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    int end = Math.min(Layer.deepest(floor), canvas.height);
    for (int y = Math.max(top, 0); y < end; y++) {
      paintRow(
          canvas, y, band(canvas, view, y, (y - top + 1.0) / Math.max(1, canvas.height - top)));
    }
  }

  /**
   * What one row of water needs: the row it mirrors (moved sideways by its band's wobble), how
   * much of the water's own colour covers the reflection, where in the wave texture it starts
   * and how fast it runs through it, how bright crests are, and the sun's glitter path.
   */
  private record Band(
      int source,
      int wobble,
      int alpha,
      int colour,
      int position,
      int increment,
      int amount,
      int centre,
      int half) {}

  /**
   * Row y, {@code k} being 0 at the horizon and 1 at the bottom of the frame. Rows belong to
   * bands of waves, thin far away and thicker near, each with its own offset and drift, so
   * highlights and the broken mirror image line up within a band and differ between bands.
   */
  private Band band(Canvas canvas, View view, int y, double k) {
    int width = canvas.width;
    long hash = mix((long) (0.2 * (canvas.height - top) / k));
    int source =
        Math.clamp(top - 1 - (int) ((y - top) * surface.stretch), 0, canvas.height - 1) * width;
    int wobble = (int) (surface.wobble * k * width * 0.012 * ((hash & 0xff) / 255.0 - 0.5));
    int alpha = (int) (256 * (surface.opacity + (1 - surface.opacity) * 0.6 * Math.sqrt(k)));
    double step = 0.25 / (k + 0.02) / view.scale(k);
    double drift = ((hash >>> 8 & 0xff) / 255.0 - 0.5) * 30 * view.time() + (hash >>> 16 & 0x3ff);
    double start = (view.shift(k) - view.focusX() / view.scale(k)) * step + drift;
    int centre = glint == 0 ? -width : (int) view.screenX(glintX, 0.02);
    return new Band(
        source,
        wobble,
        alpha,
        Rgb.mix(far, near, Math.sqrt(k)),
        (int) (long) Math.floor(start * 65536),
        (int) (step * 65536),
        (int) (surface.ripple * 256 * (0.3 + 0.7 * k)),
        centre,
        Math.max(1, (int) (width * (0.012 + 0.1 * k))));
  }

  private void paintRow(Canvas canvas, int y, Band b) {
    mirror(canvas, y, b);
    int width = canvas.width;
    int[] pixels = canvas.pixels;
    int position = b.position();
    for (int x = 0, i = y * width; x < width; x++, i++) {
      int crest = texture[(position >>> 16) & (TEXTURE - 1)];
      position += b.increment();
      if (crest != 0) {
        int water = Rgb.blend(pixels[i], shine, (crest * b.amount()) >> 9);
        int off = Math.abs(x - b.centre());
        if (off < b.half()) {
          int fade = 256 - (off << 8) / b.half();
          water = Rgb.add(water, Rgb.scale(glint, crest * fade / 65536.0));
        }
        pixels[i] = water;
      }
    }
  }

  /**
   * The row's reflection under the water's own colour: the mirrored row is copied in, moved
   * sideways by the wobble (its edge pixel repeated), and tinted in a loop simple enough for the
   * JIT to vectorise; the highlights go on top after.
   */
  private static void mirror(Canvas canvas, int y, Band b) {
    int width = canvas.width;
    int[] pixels = canvas.pixels;
    int row = y * width;
    int source = b.source();
    int shift = Math.clamp(b.wobble(), -width, width);
    int from = Math.max(0, -shift);
    int to = Math.min(width, width - shift);
    System.arraycopy(pixels, source + from + shift, pixels, row + from, to - from);
    Arrays.fill(pixels, row, row + from, pixels[source]);
    Arrays.fill(pixels, row + to, row + width, pixels[source + width - 1]);
    int colour = b.colour();
    int alpha = b.alpha();
    for (int i = row, end = row + width; i < end; i++) {
      pixels[i] = Rgb.blend(pixels[i], colour, alpha);
    }
  }

  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }
}
