package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Sprite;
import java.util.SplittableRandom;

/**
 * Things that fill the air: falling snow and rain, drifting dust or pollen, rising bubbles. Each
 * particle has a depth, so near ones are larger, faster and move more with the camera; the field
 * wraps around the frame, so it stays full whatever the camera does.
 */
public final class Particles implements Layer {

  /** What the particles are; each falls, drifts or rises in its own way. */
  public enum Kind {
    SNOW,
    RAIN,
    DUST,
    BUBBLES
  }

  private final Kind kind;
  private final double[] u;
  private final double[] v;
  private final double[] depth;
  private final double[] phase;
  private final Sprite[] sprites;
  private final int colour;
  private final double slant;

  public Particles(Kind kind, SplittableRandom random, int count, int colour, double unit) {
    this.kind = kind;
    this.u = new double[count];
    this.v = new double[count];
    this.depth = new double[count];
    this.phase = new double[count];
    this.colour = colour;
    this.slant = (random.nextDouble() - 0.5) * 0.4;
    for (int i = 0; i < count; i++) {
      u[i] = random.nextDouble();
      v[i] = random.nextDouble();
      depth[i] = 0.25 + 0.75 * random.nextDouble();
      phase[i] = random.nextDouble() * Math.PI * 2;
    }
    this.sprites = new Sprite[4];
    for (int size = 0; size < sprites.length; size++) {
      double radius = unit
          / 720.0
          * switch (kind) {
            case BUBBLES -> 3 + 3 * size;
            case SNOW -> 0.9 + 0.7 * size;
            default -> 0.5 + 0.35 * size;
          };
      sprites[size] = kind == Kind.BUBBLES
          ? Sprite.ring(radius, colour)
          : Sprite.disc(radius, colour, kind == Kind.SNOW ? 0.85 : 0.35);
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    int margin = canvas.width / 10;
    for (int i = 0; i < u.length; i++) {
      double d = depth[i];
      double across = u[i] * canvas.width + wobble(i, t) * canvas.width;
      double fall = v[i] + t * speed() * (0.4 + d);
      double x = wrap(view.screenX(across, d) + slant * fall * canvas.height, canvas.width, margin);
      double y =
          wrap(view.screenY((fall - Math.floor(fall)) * canvas.height, d), canvas.height, margin);
      if (kind == Kind.RAIN) {
        streak(canvas, x, y, d);
      } else {
        var sprite = sprites[Math.min(sprites.length - 1, (int) (d * sprites.length))];
        canvas.drawOver(sprite, (int) x - sprite.width() / 2, (int) y - sprite.height() / 2);
      }
    }
  }

  /** Fraction of the frame height per second; bubbles rise, so theirs is negative. */
  private double speed() {
    return switch (kind) {
      case SNOW -> 0.09;
      case RAIN -> 1.3;
      case DUST -> 0.012;
      case BUBBLES -> -0.14;
    };
  }

  private double wobble(int i, double t) {
    double amount = switch (kind) {
      case SNOW -> 0.012;
      case DUST -> 0.03;
      case BUBBLES -> 0.006;
      case RAIN -> 0;
    };
    return amount * StrictMath.sin(t * (0.7 + depth[i]) + phase[i])
        + (kind == Kind.DUST ? t * 0.01 * depth[i] : 0);
  }

  /** A raindrop: a short, faint, slanted line, longer and brighter when near. */
  private void streak(Canvas canvas, double x, double y, double d) {
    int length = (int) (canvas.height * (0.02 + 0.035 * d));
    int alpha = (int) (40 + 70 * d);
    for (int k = 0; k < length; k++) {
      int px = (int) (x + slant * k);
      canvas.blend(px, (int) y + k, colour, alpha * (k + 1) / length + 10);
    }
  }

  private static double wrap(double value, int size, int margin) {
    double span = size + 2.0 * margin;
    return value + margin - Math.floor((value + margin) / span) * span - margin;
  }
}
