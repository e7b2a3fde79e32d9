package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Noise;
import app.kinora.render.canvas.Rgb;
import java.util.SplittableRandom;

/**
 * Northern lights: curtains of green light that fade up into violet, hanging from a wavy lower
 * edge that drifts, with bright vertical rays that slide along them. Added as light, column by
 * column, only where the curtain is bright enough to matter.
 */
public final class Aurora implements Layer {

  private static final int TEXTURE = 2048;
  private static final double DEPTH = 0.05;

  private final float[] curtain;
  private final float[] rays;
  private final int[] colours;
  private final double edge;
  private final double height;
  private final double swing;
  private final int[] lower;
  private final int[] strength;

  /**
   * @param edge world y of the curtain's lower edge, on average
   * @param height how tall the curtain is, in pixels
   */
  public Aurora(SplittableRandom random, Palette palette, int width, double edge, double height) {
    this.curtain = Noise.fractal(random, TEXTURE, 10, 3, false);
    this.rays = Noise.wrapping(random, TEXTURE, 160);
    this.edge = edge;
    this.height = height;
    this.swing = height * 0.16;
    this.colours = new int[(int) height + 1];
    int green = palette.graded(0x3dff9a);
    int teal = palette.graded(0x2ad0c8);
    int violet = palette.graded(0x9a4dff);
    for (int i = 0; i < colours.length; i++) {
      double v = (double) i / colours.length;
      int colour =
          v < 0.35 ? Rgb.mix(green, teal, v / 0.35) : Rgb.mix(teal, violet, (v - 0.35) / 0.65);
      double fade = v < 0.03 ? v / 0.03 : StrictMath.pow(1 - v, 1.8);
      colours[i] = Rgb.scale(colour, fade);
    }
    this.lower = new int[width];
    this.strength = new int[width];
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    int width = canvas.width;
    double scale = view.scale(DEPTH);
    int top = curtain(view, width);
    for (int y = Math.max(0, top); y < Math.min(Layer.deepest(floor), canvas.height); y++) {
      int row = y * width;
      for (int x = 0; x < width; x++) {
        int above = (int) ((lower[x] - y) / scale);
        if (above >= 0 && above < colours.length && strength[x] > 8) {
          int c = colours[above];
          int s = strength[x];
          int light = (((c >> 16) & 0xff) * s >> 8) << 16
              | (((c >> 8) & 0xff) * s >> 8) << 8
              | ((c & 0xff) * s >> 8);
          canvas.pixels[row + x] = Rgb.add(canvas.pixels[row + x], light);
        }
      }
    }
  }

  /**
   * Works out, per column, how bright the curtain is (its folds and rays drift with time) and
   * where its lower edge hangs; returns the highest row it reaches.
   */
  private int curtain(View view, int width) {
    double t = view.time();
    int top = Integer.MAX_VALUE;
    for (int x = 0; x < width; x++) {
      double wx = view.worldX(x, DEPTH) / width;
      double glow = (sample(curtain, wx * 900 + t * 14) - 0.38) * 2.4;
      double ray = 0.55 + 0.45 * sample(rays, wx * 1500 - t * 40);
      strength[x] = (int) (Math.clamp(glow, 0, 1) * ray * 256);
      double wave = StrictMath.sin(wx * 9 + t * 0.35) + 0.6 * StrictMath.sin(wx * 23 - t * 0.6);
      lower[x] = (int) view.screenY(edge + swing * wave * 0.5, DEPTH);
      top = Math.min(top, lower[x] - (int) (height * view.scale(DEPTH)));
    }
    return top;
  }

  private static double sample(float[] texture, double u) {
    double wrapped = u - Math.floor(u / texture.length) * texture.length;
    int i = Math.min((int) wrapped, texture.length - 1);
    double f = wrapped - i;
    return texture[i] * (1 - f) + texture[(i + 1) % texture.length] * f;
  }
}
