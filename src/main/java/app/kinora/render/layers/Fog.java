package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Noise;
import app.kinora.render.canvas.Rgb;
import java.util.SplittableRandom;

/**
 * A band of mist lying at one height, thickest in its middle, thinner and thicker along its
 * length, drifting slowly sideways. Blended row by row over only the rows it covers.
 */
public final class Fog implements Layer {

  private static final int TEXTURE = 1024;

  private final double centre;
  private final double thickness;
  private final double density;
  private final double depth;
  private final int colour;
  private final int[] texture;

  /**
   * @param centre world y of the band's middle
   * @param thickness half its height, in pixels
   * @param density 0..1, how opaque it is at its thickest
   * @param depth the depth it lies at, for parallax
   */
  public Fog(
      SplittableRandom random,
      double centre,
      double thickness,
      double density,
      double depth,
      int colour) {
    this.centre = centre;
    this.thickness = thickness;
    this.density = density;
    this.depth = depth;
    this.colour = colour;
    var noise = Noise.fractal(random, TEXTURE, 8, 3, false);
    this.texture = new int[TEXTURE];
    for (int i = 0; i < TEXTURE; i++) {
      texture[i] = (int) (256 * (0.35 + 0.65 * noise[i]));
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    double scale = view.scale(depth);
    int from = (int) view.screenY(centre - thickness, depth);
    int to = (int) Math.ceil(view.screenY(centre + thickness, depth));
    double drift = view.time() * canvas.width * 0.01;
    for (int y = Math.max(0, from);
        y < Math.min(Math.min(to, Layer.deepest(floor)), canvas.height);
        y++) {
      double v = (view.worldY(y + 0.5, depth) - centre) / thickness;
      double across = 1 - v * v;
      if (across <= 0) {
        continue;
      }
      int alpha = (int) (density * across * across * 256);
      double start = (view.worldX(0, depth) + drift) * TEXTURE / (canvas.width * 1.5);
      int position = (int) (long) (start * 65536);
      int step = (int) (TEXTURE / (canvas.width * 1.5) / scale * 65536);
      int row = y * canvas.width;
      for (int x = 0; x < canvas.width; x++) {
        int a = (alpha * texture[(position >>> 16) & (TEXTURE - 1)]) >> 8;
        canvas.pixels[row + x] = Rgb.blend(canvas.pixels[row + x], colour, a);
        position += step;
      }
    }
  }
}
