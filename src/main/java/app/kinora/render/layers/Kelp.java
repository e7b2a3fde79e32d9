package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import java.util.SplittableRandom;

/** Strands of seaweed rising from the sea floor, swaying more towards their tips. */
public final class Kelp implements Layer {

  private final double[] x;
  private final double[] tall;
  private final double[] phase;
  private final double base;
  private final double depth;
  private final double thickness;
  private final int colour;

  public Kelp(
      SplittableRandom random,
      int count,
      int width,
      double base,
      double height,
      double depth,
      int colour) {
    this.x = new double[count];
    this.tall = new double[count];
    this.phase = new double[count];
    for (int i = 0; i < count; i++) {
      x[i] = width * (i + random.nextDouble()) / count;
      tall[i] = height * (0.45 + 0.55 * random.nextDouble());
      phase[i] = random.nextDouble() * Math.PI * 2;
    }
    this.base = base;
    this.depth = depth;
    this.thickness = Math.max(2, width / 200.0);
    this.colour = colour;
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    double scale = view.scale(depth);
    int span = canvas.width + canvas.width / 5;
    for (int i = 0; i < x.length; i++) {
      double root = view.screenX(x[i], depth) + canvas.width / 10.0;
      root = root - Math.floor(root / span) * span - canvas.width / 10.0;
      int from = (int) view.screenY(base - tall[i], depth);
      int to = Math.min((int) view.screenY(base, depth), Layer.deepest(floor));
      for (int y = Math.max(0, from); y < to; y++) {
        double up = (view.worldY(y, depth) - (base - tall[i])) / tall[i];
        double bend =
            (1 - up) * (1 - up) * tall[i] * 0.12 * StrictMath.sin(t * 0.9 + phase[i] + up * 3);
        double centre = root + bend * scale;
        double half = thickness * scale * (0.5 + 0.8 * up);
        canvas.fillRow(y, (int) (centre - half), (int) Math.ceil(centre + half), colour);
      }
    }
  }
}
