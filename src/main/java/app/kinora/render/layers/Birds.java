package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Sprite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A loose flock of birds gliding across the sky, flapping now and then: dark silhouettes drawn
 * from a few pre-made wing positions.
 */
public final class Birds implements Layer {

  private static final int POSES = 4;
  private static final double DEPTH = 0.3;

  private final double[] x;
  private final double[] y;
  private final double[] phase;
  private final Sprite[] poses;
  private final double direction;

  public Birds(
      SplittableRandom random, int count, int width, double unit, double horizon, int colour) {
    this.x = new double[count];
    this.y = new double[count];
    this.phase = new double[count];
    this.direction = random.nextBoolean() ? 1 : -1;
    double leadX = width * (0.35 + 0.3 * random.nextDouble());
    double leadY = horizon * (0.35 + 0.3 * random.nextDouble());
    for (int i = 0; i < count; i++) {
      x[i] = leadX - direction * unit * 0.05 * i + unit * 0.03 * random.nextDouble();
      y[i] = leadY + unit * 0.025 * (i % 2 == 0 ? i : -i) * 0.5 + unit * 0.02 * random.nextDouble();
      phase[i] = random.nextDouble();
    }
    this.poses = new Sprite[POSES];
    for (int p = 0; p < POSES; p++) {
      poses[p] = pose(unit * 0.04, 0.5 - p / (POSES - 1.0), colour);
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    double span = canvas.width * 1.4;
    for (int i = 0; i < x.length; i++) {
      double travel = x[i] + direction * canvas.width * 0.06 * t;
      double wx = travel
          + canvas.width * 0.2
          - Math.floor((travel + canvas.width * 0.2) / span) * span
          - canvas.width * 0.2;
      double flap = t * 1.5 + phase[i];
      double beat =
          (flap - Math.floor(flap)) < 0.5 ? Math.abs(StrictMath.sin(flap * 2 * Math.PI * 2)) : 0.5;
      var sprite = poses[(int) Math.min(POSES - 1, beat * POSES)];
      int sx = (int) view.screenX(wx, DEPTH);
      int sy = (int) view.screenY(
          y[i] + canvas.height * 0.004 * StrictMath.sin(t + phase[i] * 6), DEPTH);
      canvas.drawOver(sprite, sx - sprite.width() / 2, sy - sprite.height() / 2);
    }
  }

  /** A bird seen from afar: two wings in a shallow V, {@code lift} from -0.5 (down) to 0.5 (up). */
  private static Sprite pose(double span, double lift, int colour) {
    int w = (int) Math.max(6, Math.ceil(span * 2));
    int h = (int) Math.max(4, Math.ceil(span));
    var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(colour));
      g.setStroke(new BasicStroke(
          (float) Math.max(1, span * 0.12), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      var wings = new Path2D.Double();
      double mid = h / 2.0;
      wings.moveTo(w * 0.05, mid - lift * h * 0.8);
      wings.quadTo(w * 0.3, mid - lift * h * 0.2 - h * 0.2, w * 0.5, mid + h * 0.1);
      wings.quadTo(w * 0.7, mid - lift * h * 0.2 - h * 0.2, w * 0.95, mid - lift * h * 0.8);
      g.draw(wings);
    } finally {
      g.dispose();
    }
    return Sprite.of(image);
  }
}
