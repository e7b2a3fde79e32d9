package app.kinora.render;

import java.util.SplittableRandom;

/**
 * A quiet, seeded ambience for the scene: filtered noise like wind or surf under a soft two-note
 * pad whose pitch follows the palette's warmth, faded in and out. Videos have sound, as the
 * output of modern video models does.
 */
final class Soundscape {

  private static final double FADE_SECONDS = 0.5;

  private final SplittableRandom random;
  private final double rootHz;
  private double lowPassed;

  Soundscape(Palette palette, long seed) {
    this.random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL + 1);
    this.rootHz = 110 + 55 * palette.warmth();
  }

  /** The samples that accompany video frame {@code frame} of {@code frames}. */
  short[] samples(int frame, int frames, int framesPerSecond, int sampleRate) {
    long first = (long) frame * sampleRate / framesPerSecond;
    long end = (long) (frame + 1) * sampleRate / framesPerSecond;
    double total = (double) frames / framesPerSecond;
    var out = new short[(int) (end - first)];
    for (int i = 0; i < out.length; i++) {
      double t = (first + i) / (double) sampleRate;
      lowPassed += 0.02 * (random.nextDouble() * 2 - 1 - lowPassed);
      double swell = 0.6 + 0.4 * Math.sin(2 * Math.PI * t / 5.0);
      double pad = Math.sin(2 * Math.PI * rootHz * t) + 0.6 * Math.sin(2 * Math.PI * rootHz * 1.5 * t);
      double value = (lowPassed * 2.2 * swell + pad * 0.04) * fade(t, total);
      out[i] = (short) Math.round(Math.clamp(value, -1, 1) * 0.3 * Short.MAX_VALUE);
    }
    return out;
  }

  private static double fade(double t, double total) {
    return Math.min(1, Math.min(t / FADE_SECONDS, (total - t) / FADE_SECONDS));
  }
}
