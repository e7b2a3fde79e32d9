package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Sprite;
import java.util.SplittableRandom;

/**
 * Small moving lights that add to the picture: fireflies that wander and blink over a forest, or
 * sparks that fly up from a fire, cool from yellow to red and go out.
 */
public final class Lights implements Layer {

  /** Which lights. */
  public enum Kind {
    FIREFLIES,
    SPARKS
  }

  private final Kind kind;
  private final double[] u;
  private final double[] v;
  private final double[] phase;
  private final double[] rate;
  private final Sprite glow;
  private final double sourceX;
  private final double sourceY;
  private final double reach;

  /**
   * @param sourceX for sparks, where the fire is; for fireflies, the middle of their area
   * @param sourceY for sparks, the top of the flames; for fireflies, the middle of their area
   * @param reach how far they go, in pixels
   */
  public Lights(
      Kind kind,
      SplittableRandom random,
      int count,
      int colour,
      double unit,
      double sourceX,
      double sourceY,
      double reach) {
    this.kind = kind;
    this.u = new double[count];
    this.v = new double[count];
    this.phase = new double[count];
    this.rate = new double[count];
    for (int i = 0; i < count; i++) {
      u[i] = random.nextDouble() * 2 - 1;
      v[i] = random.nextDouble() * 2 - 1;
      phase[i] = random.nextDouble();
      rate[i] = 0.6 + random.nextDouble() * 0.8;
    }
    double radius = unit / 720.0 * (kind == Kind.FIREFLIES ? 15 : 3.2);
    this.glow = Sprite.glow(radius, colour, kind == Kind.FIREFLIES ? 0.75 : 0.9);
    this.sourceX = sourceX;
    this.sourceY = sourceY;
    this.reach = reach;
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    for (int i = 0; i < u.length; i++) {
      if (kind == Kind.FIREFLIES) {
        firefly(canvas, view, i);
      } else {
        spark(canvas, view, i);
      }
    }
  }

  private void firefly(Canvas canvas, View view, int i) {
    double t = view.time() * rate[i];
    double x = sourceX + reach * (u[i] * 1.1 + 0.08 * StrictMath.sin(t * 0.9 + phase[i] * 7));
    double y = sourceY + reach * 0.35 * (v[i] + 0.15 * StrictMath.sin(t * 0.7 + phase[i] * 11));
    double blink = Math.max(0, StrictMath.sin(t * 1.3 + phase[i] * 20));
    int gain = (int) (256 * (0.15 + 0.85 * blink * blink));
    double depth = 0.55 + 0.35 * phase[i];
    canvas.addLight(glow, (int) view.screenX(x, depth), (int) view.screenY(y, depth), gain);
  }

  /** A spark's life is a loop: born at the fire, rising and swaying, fading out at the top. */
  private void spark(Canvas canvas, View view, int i) {
    double age = view.time() * rate[i] * 0.55 + phase[i];
    age -= Math.floor(age);
    double sway = StrictMath.sin(age * 9 + phase[i] * 30) * 0.12 * age;
    double x = sourceX + reach * (u[i] * 0.12 + (u[i] * 0.25 + sway) * age);
    double y = sourceY - reach * age * (0.8 + 0.4 * rate[i]);
    int gain = (int) (256 * (1 - age) * (1 - age));
    canvas.addLight(glow, (int) view.screenX(x, 0.8), (int) view.screenY(y, 0.8), gain);
    canvas.addLight(
        glow,
        (int) view.screenX(x - sway * reach * 0.05, 0.8),
        (int) view.screenY(y + reach * 0.012, 0.8),
        gain / 3);
  }
}
