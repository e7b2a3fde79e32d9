package app.kinora.render.scene;

import app.kinora.render.canvas.Noise;
import app.kinora.render.layers.Profile;
import java.util.SplittableRandom;

/**
 * Outlines for the terrain layers, each a {@link Profile} that wraps around: rolling hills, pine
 * forests, groves of round trees and coral ({@link Peaks} makes mountains and dunes). Heights
 * are in pixels above the layer's base line.
 */
final class Profiles {

  private Profiles() {}

  static Profile hills(SplittableRandom random, int period, double height) {
    var noise = Noise.fractal(random, period, 5, 3, false);
    var heights = new float[period];
    for (int x = 0; x < period; x++) {
      heights[x] = (float) (height * (0.15 + 0.85 * noise[x]));
    }
    return new Profile(heights, null);
  }

  /** Pines in tiers, packed along the line over a low undergrowth. */
  static Profile pines(SplittableRandom random, int period, double height) {
    var heights = new float[period];
    var undergrowth = Noise.wrapping(random, period, period / 24);
    for (int x = 0; x < period; x++) {
      heights[x] = (float) (height * 0.12 * undergrowth[x]);
    }
    double spacing = height * 0.26;
    for (double centre = 0;
        centre < period;
        centre += spacing * (0.4 + random.nextDouble() * 0.9)) {
      pine(heights, centre, height * (0.5 + 0.5 * random.nextDouble()), 4 + random.nextInt(4));
    }
    return new Profile(heights, null);
  }

  private static void pine(float[] heights, double centre, double tall, int tiers) {
    double halfBase = tall * 0.24;
    double tier = tall / tiers;
    for (int v = 0; v < tall; v++) {
      double inTier = (v % tier) / tier;
      double half = halfBase * (v / tall) * (0.4 + 0.6 * inTier) + 0.6;
      for (int x = (int) (centre - half); x <= centre + half; x++) {
        int i = Math.floorMod(x, heights.length);
        heights[i] = (float) Math.max(heights[i], tall - v);
      }
    }
  }

  /** Clumps of round-crowned trees standing here and there on low ground. */
  static Profile groves(SplittableRandom random, int period, double height) {
    var heights = new float[period];
    double x = 0;
    while (x < period) {
      int trees = 1 + random.nextInt(5);
      for (int t = 0; t < trees; t++) {
        double radius = height * (0.3 + 0.25 * random.nextDouble());
        double tall = height * (0.6 + 0.4 * random.nextDouble());
        crown(heights, x + t * radius * 1.1, radius, tall);
        crown(heights, x + t * radius * 1.1 - radius * 0.5, radius * 0.7, tall * 0.75);
        crown(heights, x + t * radius * 1.1 + radius * 0.5, radius * 0.7, tall * 0.8);
      }
      x += height * (2 + random.nextDouble() * 8);
    }
    return new Profile(heights, null);
  }

  /** A rounded crown rising from the ground, {@code tall} high and {@code radius} wide. */
  private static void crown(float[] heights, double centre, double radius, double tall) {
    for (int dx = (int) -radius; dx <= radius; dx++) {
      double u = dx / radius;
      int i = Math.floorMod((int) centre + dx, heights.length);
      heights[i] = (float) Math.max(heights[i], tall * Math.sqrt(Math.sqrt(1 - u * u)));
    }
  }

  /**
   * A reef: domes, clumps of branching fingers and fans of coral on a sandy floor; {@code tones}
   * says which of {@code kinds} kinds each pixel shows, {@code kinds} itself being the sand.
   */
  static Profile coral(SplittableRandom random, int period, double height, int kinds) {
    var heights = new float[period];
    var tones = new byte[period];
    var floor = Noise.wrapping(random, period, period / 40);
    for (int x = 0; x < period; x++) {
      heights[x] = (float) (height * 0.06 * floor[x]);
      tones[x] = (byte) kinds;
    }
    for (double x = 0; x < period; x += height * (0.2 + random.nextDouble() * 0.45)) {
      byte kind = (byte) random.nextInt(kinds);
      switch (random.nextInt(3)) {
        case 0 -> dome(heights, tones, x, height * (0.12 + 0.2 * random.nextDouble()), kind, 0.75);
        case 1 -> {
          int fingers = 3 + random.nextInt(4);
          double spread = height * (0.25 + 0.25 * random.nextDouble());
          for (int f = 0; f < fingers; f++) {
            double tall = height
                * (0.3 + 0.6 * random.nextDouble())
                * (1 - Math.abs(f - fingers / 2.0) / fingers);
            finger(
                heights,
                tones,
                x + spread * f / fingers,
                height * (0.012 + 0.012 * random.nextDouble()),
                tall,
                kind);
          }
        }
        default ->
          dome(
              heights,
              tones,
              x,
              height * (0.1 + 0.1 * random.nextDouble()),
              kind,
              3 + random.nextDouble() * 2);
      }
    }
    return new Profile(heights, tones);
  }

  /** A rounded head {@code radius} wide and {@code tallness} times as tall (a fan when tall). */
  private static void dome(
      float[] heights, byte[] tones, double centre, double radius, byte kind, double tallness) {
    for (int dx = (int) -radius; dx <= radius; dx++) {
      double u = dx / radius;
      raise(heights, tones, (int) centre + dx, radius * tallness * Math.sqrt(1 - u * u), kind);
    }
  }

  /** A finger of branching coral with a rounded tip. */
  private static void finger(
      float[] heights, byte[] tones, double centre, double half, double tall, byte kind) {
    for (int dx = (int) -half; dx <= half; dx++) {
      double u = dx / half;
      raise(heights, tones, (int) centre + dx, tall - half + half * Math.sqrt(1 - u * u), kind);
    }
  }

  private static void raise(float[] heights, byte[] tones, int x, double height, byte kind) {
    int i = Math.floorMod(x, heights.length);
    if (height > heights[i]) {
      heights[i] = (float) height;
      tones[i] = kind;
    }
  }
}
