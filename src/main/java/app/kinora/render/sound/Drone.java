package app.kinora.render.sound;

import app.kinora.render.encode.Mp4Encoder;

/**
 * A low, slowly beating chord of sines: the hum of space, or a soft pad under a dreamy scene.
 * Its pitch rises with warmth.
 */
final class Drone implements Voice {

  private static final double RATE = Mp4Encoder.SAMPLE_RATE;

  private final double[] frequencies;
  private final double[] phases;
  private long sample;

  Drone(double root) {
    this.frequencies = new double[] {root, root * 1.5, root * 2.005, root * 0.998};
    this.phases = new double[frequencies.length];
  }

  @Override
  public double next() {
    double t = sample++ / RATE;
    double sum = 0;
    for (int i = 0; i < frequencies.length; i++) {
      phases[i] += frequencies[i] / RATE;
      if (phases[i] > 1) {
        phases[i] -= 1;
      }
      sum += Sine.of(phases[i]) / (i + 1);
    }
    return sum * (0.7 + 0.3 * Sine.of(t / 7));
  }
}
