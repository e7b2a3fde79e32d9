package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Noise;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.canvas.Sprite;

/** A banded planet lit from one side, hanging in space at a middle distance. */
public final class Planet implements Layer {

  private static final double DEPTH = 0.15;

  private final Sprite sprite;
  private final double x;
  private final double y;

  private Planet(Sprite sprite, double x, double y) {
    this.sprite = sprite;
    this.x = x;
    this.y = y;
  }

  public static Planet of(Scenery s) {
    double radius = s.unit() * 0.2;
    var bands = Noise.fractal(s.fork(), 256, 6, 3, false);
    int light = s.palette().graded(0xe8c29a);
    int dark = s.palette().graded(0x8a5a4a);
    int size = (int) Math.ceil(radius) * 2 + 3;
    double centre = size / 2.0;
    double lightX = s.lightFromLeft() ? -0.6 : 0.6;
    var pixels = new int[size * size];
    for (int py = 0; py < size; py++) {
      for (int px = 0; px < size; px++) {
        double dx = (px + 0.5 - centre) / radius;
        double dy = (py + 0.5 - centre) / radius;
        double r2 = dx * dx + dy * dy;
        double coverage = Math.clamp((1 - Math.sqrt(r2)) * radius + 0.5, 0, 1);
        if (coverage > 0) {
          double z = Math.sqrt(Math.max(0, 1 - r2));
          double lit = Math.clamp(dx * lightX + z * 0.5 - dy * 0.2, 0.04, 1);
          int band = Rgb.mix(dark, light, bands[Math.clamp((int) ((dy + 1) * 127), 0, 255)]);
          pixels[py * size + px] = (int) (coverage * 255) << 24 | Rgb.scale(band, lit);
        }
      }
    }
    return new Planet(
        new Sprite(size, size, pixels),
        s.width() * (s.lightFromLeft() ? 0.68 : 0.32),
        s.height() * 0.42);
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    int sx = (int) view.screenX(x, DEPTH);
    int sy = (int) view.screenY(y, DEPTH);
    canvas.drawOver(sprite, sx - sprite.width() / 2, sy - sprite.height() / 2);
  }
}
