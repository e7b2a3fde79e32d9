package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.canvas.Sprite;

/**
 * The sun or the moon: a disc with a tight corona that moves along its path during the clip
 * (rising at dawn, setting at dusk). Its broad glow is part of the sky backdrop.
 */
public final class Sun implements Layer {

  private static final double DEPTH = 0.02;

  private final Sprite corona;
  private final Sprite disc;
  private final double x;
  private final double startY;
  private final double endY;

  Sun(Sprite corona, Sprite disc, double x, double startY, double endY) {
    this.corona = corona;
    this.disc = disc;
    this.x = x;
    this.startY = startY;
    this.endY = endY;
  }

  /** {@code strength} dims the corona, e.g. behind fog. */
  public static Sun of(
      int colour,
      double radius,
      double x,
      double startY,
      double endY,
      boolean moon,
      double strength) {
    var corona = Sprite.glow(
        radius * (moon ? 3 : 4),
        Rgb.scale(colour, (moon ? 0.35 : 0.8) * strength),
        moon ? 1.6 : 1.2);
    var disc = Sprite.disc(radius, moon ? Rgb.mix(colour, 0xffffff, 0.2) : colour, 1);
    return new Sun(corona, disc, x, startY, endY);
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double worldY = startY + (endY - startY) * view.progress();
    int sx = (int) Math.round(view.screenX(x, DEPTH));
    int sy = (int) Math.round(view.screenY(worldY, DEPTH));
    if (sy - corona.height() / 2 >= Layer.deepest(floor)) {
      return;
    }
    canvas.drawOver(disc, sx - disc.width() / 2, sy - disc.height() / 2);
    canvas.addLight(corona, sx, sy, 256);
  }
}
