package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.canvas.Sprite;
import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * A fire on the ground: a warm pool of light on its surroundings, crossed logs, and tongues of
 * flame that lick upwards, flicker and fade, each a light added to the frame.
 */
public final class Campfire implements Layer {

  private static final int TONGUES = 11;

  private final double x;
  private final double y;
  private final double depth;
  private final double size;
  private final Sprite pool;
  private final Sprite flame;
  private final Sprite core;
  private final Sprite logs;
  private final double[] offset = new double[TONGUES];
  private final double[] phase = new double[TONGUES];
  private final double[] rate = new double[TONGUES];

  /** A fire standing at world (x, y) at {@code depth}, {@code size} pixels tall. */
  public Campfire(
      SplittableRandom random, Palette palette, double x, double y, double depth, double size) {
    this.x = x;
    this.y = y;
    this.depth = depth;
    this.size = size;
    this.pool = Sprite.glow(size * 3.2, palette.graded(0x7a3510), 0.8);
    this.flame = flame(size * 0.32, palette);
    this.core = Sprite.glow(size * 0.45, palette.graded(0xffc060), 1.1);
    this.logs = logs(size);
    for (int i = 0; i < TONGUES; i++) {
      offset[i] = random.nextDouble() * 2 - 1;
      phase[i] = random.nextDouble();
      rate[i] = 1.2 + random.nextDouble() * 1.1;
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double t = view.time();
    double flicker = 0.85 + 0.1 * StrictMath.sin(t * 11) + 0.05 * StrictMath.sin(t * 23 + 1);
    int sx = (int) view.screenX(x, depth);
    int sy = (int) view.screenY(y, depth);
    canvas.addLight(pool, sx, sy, (int) (256 * flicker));
    canvas.drawOver(logs, sx - logs.width() / 2, sy - logs.height() / 2);
    canvas.addLight(core, sx, (int) (sy - size * 0.15), (int) (230 * flicker));
    for (int i = 0; i < TONGUES; i++) {
      double age = t * rate[i] + phase[i];
      age -= Math.floor(age);
      double fx =
          x + size * 0.28 * offset[i] * (1 - age * 0.6) + size * 0.05 * StrictMath.sin(t * 7 + i);
      double fy = y - size * (0.2 + 0.75 * age);
      int gain = (int) (256 * (1 - age) * (0.6 + 0.4 * (1 - Math.abs(offset[i]))));
      canvas.addLight(flame, (int) view.screenX(fx, depth), (int) view.screenY(fy, depth), gain);
    }
  }

  /** A tongue of flame: taller than wide, white-yellow in the middle, orange-red at the rim. */
  private static Sprite flame(double radius, Palette palette) {
    int w = (int) Math.ceil(radius) * 2 + 1;
    int h = (int) Math.ceil(radius * 2.4) * 2 + 1;
    var pixels = new int[w * h];
    int hot = palette.graded(0xfff0b0);
    int cool = palette.graded(0xe0420a);
    for (int py = 0; py < h; py++) {
      for (int px = 0; px < w; px++) {
        double dy = (py - h / 2) / (radius * (py < h / 2 ? 2.4 : 1.2));
        double d = Math.hypot((px - w / 2) / radius, dy);
        if (d < 1) {
          double heat = (1 - d) * (1 - d);
          pixels[py * w + px] = Rgb.scale(Rgb.mix(cool, hot, heat * 1.6), 0.5 * (1 - d));
        }
      }
    }
    return new Sprite(w, h, pixels);
  }

  private static Sprite logs(double size) {
    int w = (int) (size * 1.3);
    int h = (int) Math.max(4, size * 0.35);
    var image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setColor(new Color(0x2a160c));
      for (double angle : new double[] {-0.22, 0.22}) {
        var log =
            new RoundRectangle2D.Double(w * 0.08, h * 0.38, w * 0.84, h * 0.26, h * 0.2, h * 0.2);
        g.fill(
            AffineTransform.getRotateInstance(angle, w / 2.0, h / 2.0).createTransformedShape(log));
      }
      g.setColor(new Color(0xb0501a));
      g.fillOval((int) (w * 0.4), (int) (h * 0.4), (int) (w * 0.2), (int) (h * 0.2));
    } finally {
      g.dispose();
    }
    return Sprite.of(image);
  }
}
