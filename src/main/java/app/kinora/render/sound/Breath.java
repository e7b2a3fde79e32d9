package app.kinora.render.sound;

import app.kinora.render.encode.Mp4Encoder;
import java.util.SplittableRandom;

/**
 * Filtered noise that moves: wind in gusts (with a faint whistle), surf swelling and washing
 * out, steady rain, or the low rumble of a city or deep water. A one-pole low-pass shapes the
 * colour of the noise, a slow random envelope its rhythm.
 */
final class Breath implements Voice {

  /** The rhythm of the noise. */
  enum Kind {
    WIND,
    SURF,
    RAIN,
    RUMBLE
  }

  private static final double RATE = Mp4Encoder.SAMPLE_RATE;

  private final Kind kind;
  private final SplittableRandom random;
  private final double cutoff;
  private double low;
  private double lower;
  private double envelope;
  private double target;
  private double clock;
  private double period;
  private double whistle;
  private double phase;

  Breath(Kind kind, SplittableRandom random) {
    this.kind = kind;
    this.random = random;
    this.cutoff = switch (kind) {
      case WIND -> 0.012;
      case SURF -> 0.03;
      case RAIN -> 0.35;
      case RUMBLE -> 0.004;
    };
    this.period = 6 + random.nextDouble() * 4;
    this.target = 0.6;
    this.envelope = 0.6;
  }

  @Override
  public double next() {
    double white = random.nextDouble() * 2 - 1;
    double swell = swell();
    double c = kind == Kind.SURF
        ? cutoff * (0.4 + swell)
        : kind == Kind.WIND ? cutoff * (0.6 + swell) : cutoff;
    low += c * (white - low);
    lower += c * (low - lower);
    double body = kind == Kind.RAIN ? white - lower : lower * (kind == Kind.RUMBLE ? 9 : 4);
    if (kind == Kind.WIND) {
      phase += whistle / RATE;
      if (phase > 1) {
        phase -= 1;
      }
      body += 0.04 * swell * swell * Sine.of(phase) * (0.5 + low);
    }
    return body * swell;
  }

  /** The slow envelope: random gusts for wind, a wave every {@code period} seconds for surf. */
  private double swell() {
    clock += 1 / RATE;
    if (kind == Kind.SURF) {
      double p = clock / period;
      if (p >= 1) {
        clock = 0;
        period = 6 + random.nextDouble() * 4;
        p = 0;
      }
      double rise = Math.min(1, p / 0.25);
      double fall = 1 - (p - 0.25) / 0.75;
      return 0.25 + 0.75 * rise * rise * (p < 0.25 ? 1 : fall * fall);
    }
    if (clock >= 1.5) {
      clock = 0;
      target =
          kind == Kind.WIND ? 0.3 + random.nextDouble() * 0.7 : 0.85 + random.nextDouble() * 0.15;
      whistle = 500 + random.nextDouble() * 500;
    }
    envelope += (target - envelope) * (1 / (RATE * 0.8));
    return envelope;
  }
}
