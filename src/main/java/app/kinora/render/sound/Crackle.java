package app.kinora.render.sound;

import app.kinora.render.encode.Mp4Encoder;
import java.util.SplittableRandom;

/**
 * Short clicks at random moments: a fire's crackle and pops, or raindrops tapping. Each click is
 * a burst of noise that dies away within milliseconds.
 */
final class Crackle implements Voice {

  private final SplittableRandom random;
  private final double perSample;
  private final double decay;
  private double level;
  private double low;

  /**
   * @param perSecond how many clicks a second, on average
   * @param millis how long one rings
   */
  Crackle(SplittableRandom random, double perSecond, double millis) {
    this.random = random;
    this.perSample = perSecond / Mp4Encoder.SAMPLE_RATE;
    this.decay = StrictMath.exp(-1000.0 / (millis * Mp4Encoder.SAMPLE_RATE));
  }

  @Override
  public double next() {
    if (random.nextDouble() < perSample) {
      double strength = random.nextDouble();
      level = Math.max(level, strength * strength * strength + 0.1);
    }
    level *= decay;
    double white = random.nextDouble() * 2 - 1;
    low += 0.5 * (white - low);
    return (white - low) * level * 2;
  }
}
