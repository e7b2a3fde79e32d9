package app.kinora.render.sound;

import app.kinora.render.encode.Mp4Encoder;
import java.util.SplittableRandom;

/**
 * Little tonal calls at irregular intervals: crickets (a high tone pulsed three times), birds
 * (a few quick whistled notes sliding in pitch) or bubbles (a short upward blip).
 */
final class Chirps implements Voice {

  /** Who is calling. */
  enum Kind {
    CRICKETS,
    BIRDS,
    BUBBLES
  }

  private static final double RATE = Mp4Encoder.SAMPLE_RATE;

  private final Kind kind;
  private final SplittableRandom random;
  private double wait;
  private double age;
  private double length;
  private double pitch;
  private double slide;
  private double phase;
  private int notes;

  Chirps(Kind kind, SplittableRandom random) {
    this.kind = kind;
    this.random = random;
    this.wait = random.nextDouble() * 1.5;
    this.age = Double.MAX_VALUE;
  }

  @Override
  public double next() {
    wait -= 1 / RATE;
    if (wait <= 0 && age >= length) {
      start();
    }
    if (age >= length) {
      return 0;
    }
    double p = age / length;
    double frequency = pitch * (1 + slide * p);
    phase += frequency / RATE;
    age += 1 / RATE;
    return Sine.of(phase) * shape(p);
  }

  private void start() {
    age = 0;
    phase = 0;
    switch (kind) {
      case CRICKETS -> {
        length = 0.018;
        pitch = 4200 + random.nextDouble() * 300;
        slide = 0;
        notes = notes > 1 ? notes - 1 : 3;
        wait = notes > 1 ? 0.045 : 0.5 + random.nextDouble() * 0.6;
      }
      case BIRDS -> {
        length = 0.05 + random.nextDouble() * 0.1;
        pitch = 2200 + random.nextDouble() * 2200;
        slide = random.nextDouble() * 0.8 - 0.4;
        notes = notes > 1 ? notes - 1 : 2 + random.nextInt(4);
        wait = notes > 1 ? length + 0.04 : 1.2 + random.nextDouble() * 3;
      }
      case BUBBLES -> {
        length = 0.03 + random.nextDouble() * 0.04;
        pitch = 350 + random.nextDouble() * 500;
        slide = 1.5;
        wait = 0.2 + random.nextDouble() * 1.2;
      }
    }
  }

  /** Soft start and end of each call, so it does not click. */
  private static double shape(double p) {
    return Sine.of(p / 2);
  }
}
