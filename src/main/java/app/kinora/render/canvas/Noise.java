package app.kinora.render.canvas;

import java.util.SplittableRandom;

/**
 * Smooth seeded noise that wraps around, for outlines, textures and nebulae: random values on a
 * coarse lattice, interpolated with a smooth curve.
 */
public final class Noise {

  private Noise() {}

  /** {@code length} values in 0..1 with {@code cells} random bumps over the whole period. */
  public static float[] wrapping(SplittableRandom random, int length, int cells) {
    var lattice = new double[cells];
    for (int i = 0; i < cells; i++) {
      lattice[i] = random.nextDouble();
    }
    var out = new float[length];
    for (int x = 0; x < length; x++) {
      double p = (double) x * cells / length;
      int i = (int) p;
      double f = p - i;
      double s = f * f * (3 - 2 * f);
      out[x] = (float) (lattice[i % cells] * (1 - s) + lattice[(i + 1) % cells] * s);
    }
    return out;
  }

  /** Fractal noise: octaves of doubling detail and halving weight, normalised to 0..1. */
  public static float[] fractal(
      SplittableRandom random, int length, int cells, int octaves, boolean ridged) {
    var sum = new float[length];
    double weight = 1;
    for (int octave = 0; octave < octaves; octave++) {
      var layer = wrapping(random, length, cells << octave);
      for (int x = 0; x < length; x++) {
        double v = ridged ? 1 - Math.abs(layer[x] * 2 - 1) : layer[x];
        sum[x] += (float) (v * weight);
      }
      weight *= ridged ? 0.45 : 0.5;
    }
    return normalised(sum);
  }

  /** A 2D grid of smooth fractal noise in 0..1, for clouds of colour. */
  public static float[] grid(
      SplittableRandom random, int width, int height, int cells, int octaves) {
    var out = new float[width * height];
    double weight = 1;
    for (int octave = 0; octave < octaves; octave++) {
      int n = cells << octave;
      var lattice = new double[(n + 1) * (n + 1)];
      for (int i = 0; i < lattice.length; i++) {
        lattice[i] = random.nextDouble();
      }
      for (int y = 0; y < height; y++) {
        double py = (double) y * n / height;
        int iy = (int) py;
        double fy = smooth(py - iy);
        for (int x = 0; x < width; x++) {
          double px = (double) x * n / width;
          int ix = (int) px;
          double fx = smooth(px - ix);
          double top = lattice[iy * (n + 1) + ix] * (1 - fx) + lattice[iy * (n + 1) + ix + 1] * fx;
          double bottom = lattice[(iy + 1) * (n + 1) + ix] * (1 - fx)
              + lattice[(iy + 1) * (n + 1) + ix + 1] * fx;
          out[y * width + x] += (float) ((top * (1 - fy) + bottom * fy) * weight);
        }
      }
      weight *= 0.5;
    }
    return normalised(out);
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }

  private static float[] normalised(float[] values) {
    float min = Float.MAX_VALUE;
    float max = -Float.MAX_VALUE;
    for (float v : values) {
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    float range = Math.max(1e-6f, max - min);
    for (int i = 0; i < values.length; i++) {
      values[i] = (values[i] - min) / range;
    }
    return values;
  }
}
