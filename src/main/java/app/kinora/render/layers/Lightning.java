package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import java.util.SplittableRandom;

/**
 * Lightning in a storm: every few seconds a strike lights up the sky for a moment and a jagged
 * bolt forks down to the horizon. When and where comes from the seed, so a frame still depends
 * only on its time.
 */
public final class Lightning implements Layer {

  private static final double FLASH_SECONDS = 0.35;
  private static final int SEGMENTS = 14;

  private final long seed;
  private final double horizon;
  private final int colour;

  public Lightning(long seed, double horizon, int colour) {
    this.seed = seed;
    this.horizon = horizon;
    this.colour = colour;
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    long strike = (long) Math.floor(t / 3.2);
    var random = new SplittableRandom(seed + strike * 0x9E3779B97F4A7C15L);
    double since = t - (strike * 3.2 + 0.6 + random.nextDouble() * 1.5);
    if (since < 0 || since > FLASH_SECONDS) {
      return;
    }
    double flash = (1 - since / FLASH_SECONDS) * (since < 0.08 || since > 0.16 ? 1 : 0.4);
    int bottom = Math.min((int) view.screenY(horizon, 0.05), Layer.deepest(floor));
    int light = Rgb.scale(colour, 0.35 * flash);
    for (int y = 0; y < bottom; y++) {
      canvas.addRow(y, 0, canvas.width, light);
    }
    bolt(canvas, view, random, bottom, Rgb.scale(0xffffff, 0.6 + 0.4 * flash));
  }

  /** A random walk from the top of the frame down to the horizon, two pixels wide. */
  private void bolt(Canvas canvas, View view, SplittableRandom random, int bottom, int rgb) {
    double x = view.screenX(canvas.width * (0.15 + 0.7 * random.nextDouble()), 0.05);
    double segment = (double) bottom / SEGMENTS;
    for (int k = 0; k < SEGMENTS; k++) {
      double next = x + (random.nextDouble() - 0.5) * segment * 1.4;
      for (int y = (int) (k * segment); y < (int) ((k + 1) * segment); y++) {
        double along = (y - k * segment) / segment;
        int at = (int) (x + (next - x) * along);
        canvas.fillRow(y, at - 1, at + 1, rgb);
        canvas.addRow(y, at - 4, at + 4, Rgb.scale(rgb, 0.25));
      }
      x = next;
    }
  }
}
