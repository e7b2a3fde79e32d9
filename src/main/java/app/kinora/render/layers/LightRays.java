package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import java.util.SplittableRandom;

/**
 * Shafts of light slanting down from above, through water or between trees: each widens as it
 * goes down, fades out, sways and breathes. Drawn as a few nested spans of added light per row,
 * which gives them soft edges.
 */
public final class LightRays implements Layer {

  private final double[] x;
  private final double[] phase;
  private final double slant;
  private final double length;
  private final double width;
  private final int colour;

  /**
   * @param count how many shafts
   * @param length how far down they reach, in pixels
   * @param width their width where they start, in pixels
   * @param colour their light at full strength (keep it faint: it adds up)
   */
  public LightRays(
      SplittableRandom random, int frameWidth, int count, double length, double width, int colour) {
    this.x = new double[count];
    this.phase = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = frameWidth * (-0.1 + 1.2 * (i + random.nextDouble()) / count);
      phase[i] = random.nextDouble() * Math.PI * 2;
    }
    this.slant = (random.nextDouble() - 0.5) * 0.5;
    this.length = length;
    this.width = width;
    this.colour = colour;
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    int end = (int) Math.min(Math.min(length, Layer.deepest(floor)), canvas.height);
    for (int i = 0; i < x.length; i++) {
      double breathe = 0.55 + 0.45 * StrictMath.sin(t * 0.6 + phase[i]);
      double sway = width * 0.6 * StrictMath.sin(t * 0.25 + phase[i] * 3);
      double start = view.screenX(x[i] + sway, 0.3);
      for (int y = 0; y < end; y++) {
        double along = y / length;
        double half = width * (0.5 + along * 1.2) * view.scale(0.3);
        double centre = start + slant * y;
        int light = Rgb.scale(colour, breathe * (1 - along) * (1 - along) / 2);
        canvas.addRow(y, (int) (centre - half), (int) (centre + half), light);
        canvas.addRow(y, (int) (centre - half * 0.5), (int) (centre + half * 0.5), light);
      }
    }
  }
}
