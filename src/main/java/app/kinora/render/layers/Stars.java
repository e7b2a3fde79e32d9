package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import java.util.SplittableRandom;

/**
 * Stars that twinkle: mostly faint single pixels, a few bright ones with a small cross of light.
 * In space they fill the frame and sit at different depths, so a camera move shows parallax.
 */
public final class Stars implements Layer {

  private final double[] x;
  private final double[] y;
  private final double[] depth;
  private final double[] brightness;
  private final double[] phase;
  private final int[] colour;
  private final double fade;

  /**
   * @param count how many stars
   * @param bottom the lowest world y a star may have (the horizon; the frame height in space)
   * @param maxDepth the nearest a star may be; tiny for a sky, larger in space
   * @param fade how visible the stars are, 0..1 (faint at dusk, full at night)
   */
  public Stars(
      SplittableRandom random,
      Layout layout,
      int count,
      double bottom,
      double maxDepth,
      double fade) {
    this.x = new double[count];
    this.y = new double[count];
    this.depth = new double[count];
    this.brightness = new double[count];
    this.phase = new double[count];
    this.colour = new int[count];
    this.fade = fade;
    int[] tints = {0xffffff, 0xcfe0ff, 0xfff1d6, 0xffd9c4, 0xd8d4ff};
    for (int i = 0; i < count; i++) {
      x[i] = layout.width() * (random.nextDouble() * 1.2 - 0.1);
      y[i] = bottom * random.nextDouble() * random.nextDouble() * 0.5
          + bottom * random.nextDouble() * 0.5;
      depth[i] = 0.01 + random.nextDouble() * maxDepth;
      brightness[i] = StrictMath.pow(random.nextDouble(), 3.5);
      phase[i] = random.nextDouble() * Math.PI * 2;
      colour[i] = tints[random.nextInt(tints.length)];
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    for (int i = 0; i < x.length; i++) {
      int sx = (int) view.screenX(x[i], depth[i]);
      int sy = (int) view.screenY(y[i], depth[i]);
      if (sx < 0 || sx >= floor.length || sy >= floor[sx]) {
        continue;
      }
      double twinkle =
          0.75 + 0.25 * StrictMath.sin(view.time() * (1.5 + brightness[i] * 3) + phase[i]);
      double light = fade * (0.25 + 0.75 * brightness[i]) * twinkle;
      int rgb = Rgb.scale(colour[i], light);
      canvas.add(sx, sy, rgb);
      if (brightness[i] > 0.35) {
        int halo = Rgb.scale(rgb, 0.4);
        canvas.add(sx + 1, sy, halo);
        canvas.add(sx - 1, sy, halo);
        canvas.add(sx, sy + 1, halo);
        canvas.add(sx, sy - 1, halo);
      }
    }
  }
}
