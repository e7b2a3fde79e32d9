package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.canvas.Sprite;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A school of small fish crossing the water, each bobbing a little; nearer ones are larger and
 * brighter, farther ones fade into the blue.
 */
public final class Fish implements Layer {

  private final double[] u;
  private final double[] v;
  private final double[] phase;
  private final double[] depth;
  private final Sprite[] sprites;
  private final double direction;
  private final double speed;

  public Fish(SplittableRandom random, Palette palette, int count, double unit, int water) {
    this.u = new double[count];
    this.v = new double[count];
    this.phase = new double[count];
    this.depth = new double[count];
    this.sprites = new Sprite[count];
    this.direction = random.nextBoolean() ? 1 : -1;
    this.speed = 0.05 + 0.04 * random.nextDouble();
    int[] colours = {0xf08a3a, 0xf0d050, 0x5ab0f0, 0xf06a8a};
    double centre = 0.3 + 0.3 * random.nextDouble();
    for (int i = 0; i < count; i++) {
      u[i] = random.nextDouble() * 0.35;
      v[i] = centre + (random.nextDouble() - 0.5) * 0.25;
      phase[i] = random.nextDouble() * Math.PI * 2;
      depth[i] = 0.35 + 0.4 * random.nextDouble();
      int colour = Rgb.mix(palette.graded(colours[i % colours.length]), water, 0.9 - depth[i]);
      sprites[i] = shape(unit * 0.03 * depth[i] * 1.6, colour, direction > 0);
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    double span = canvas.width * 1.3;
    for (int i = 0; i < u.length; i++) {
      double travel =
          u[i] * canvas.width + direction * speed * canvas.width * t * (0.8 + 0.4 * depth[i]);
      double x = travel - Math.floor(travel / span) * span - canvas.width * 0.15;
      double y = v[i] * canvas.height + canvas.height * 0.01 * StrictMath.sin(t * 1.7 + phase[i]);
      var sprite = sprites[i];
      int sx = (int) view.screenX(x, depth[i]) - sprite.width() / 2;
      int sy = (int) view.screenY(y, depth[i]) - sprite.height() / 2;
      canvas.drawOver(sprite, sx, sy);
    }
  }

  /** A fish seen from the side: an oval body, a forked tail and an eye, facing its way. */
  private static Sprite shape(double length, int colour, boolean right) {
    int w = (int) Math.max(6, Math.ceil(length * 1.4));
    int h = (int) Math.max(4, Math.ceil(length * 0.6));
    var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      if (!right) {
        g.scale(-1, 1);
        g.translate(-w, 0);
      }
      g.setColor(new Color(colour));
      g.fill(new Ellipse2D.Double(w * 0.25, h * 0.12, w * 0.72, h * 0.76));
      var tail = new Path2D.Double();
      tail.moveTo(w * 0.32, h * 0.5);
      tail.lineTo(0, h * 0.05);
      tail.lineTo(w * 0.08, h * 0.5);
      tail.lineTo(0, h * 0.95);
      tail.closePath();
      g.fill(tail);
      g.setColor(new Color(0x10202a));
      double eye = Math.max(1, h * 0.14);
      g.fill(new Ellipse2D.Double(w * 0.8, h * 0.35, eye, eye));
    } finally {
      g.dispose();
    }
    return Sprite.of(image);
  }
}
