package app.kinora.render.sound;

import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Move;
import app.kinora.render.prompt.SceneSpec.Place;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A quiet, seeded ambience that fits the scene: surf by the sea, wind in the mountains and the
 * desert, rain, a crackling fire, crickets at night and birds by day in the country, the rumble
 * of a city or of deep water with bubbles, a drone in space. Faded in and out; generated sample
 * by sample from the seed, so the same request sounds the same.
 */
public final class Soundscape {

  private static final double FADE_SECONDS = 0.8;
  private static final double LEVEL = 0.28;

  private final List<Voice> voices = new ArrayList<>();
  private final List<Double> gains = new ArrayList<>();
  private final Voice[] mix;
  private final double[] levels;

  public Soundscape(SceneSpec spec, long seed) {
    var random = new SplittableRandom(seed * 0x2545F4914F6CDD1DL ^ spec.variation());
    if (spec.has(Place.SPACE)) {
      add(new Drone(41 + 14 * (spec.grade().warmth() + 1)), 0.35);
    } else if (spec.has(Place.UNDERWATER)) {
      add(new Breath(Breath.Kind.RUMBLE, random.split()), 0.6);
      add(new Chirps(Chirps.Kind.BUBBLES, random.split()), 0.12);
    } else {
      outdoors(spec, random);
    }
    if (voices.isEmpty()) {
      add(new Breath(Breath.Kind.WIND, random.split()), 0.3);
    }
    this.mix = voices.toArray(Voice[]::new);
    this.levels = gains.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private void outdoors(SceneSpec spec, SplittableRandom random) {
    if (spec.has(Place.SEA)) {
      add(new Breath(Breath.Kind.SURF, random.split()), 0.7);
    }
    boolean exposed = spec.has(Place.MOUNTAINS)
        || spec.has(Place.DESERT)
        || spec.has(Feature.FROZEN)
        || spec.weather() == Weather.SNOW
        || spec.has(Move.AERIAL);
    add(new Breath(Breath.Kind.WIND, random.split()), exposed ? 0.6 : 0.18);
    if (spec.weather() == Weather.RAIN) {
      add(new Breath(Breath.Kind.RAIN, random.split()), 0.22);
      add(new Crackle(random.split(), 60, 3), 0.08);
    }
    if (spec.has(Feature.CAMPFIRE)) {
      add(new Crackle(random.split(), 14, 6), 0.5);
      add(new Breath(Breath.Kind.RUMBLE, random.split()), 0.25);
    }
    if (spec.has(Place.CITY)) {
      add(new Breath(Breath.Kind.RUMBLE, random.split()), 0.45);
    }
    boolean country = spec.has(Place.FOREST)
        || spec.has(Place.MEADOW)
        || spec.has(Place.HILLS)
        || spec.has(Place.LAKE)
        || spec.has(Feature.FIREFLIES);
    if (country && spec.weather() != Weather.RAIN) {
      var kind = spec.time() == TimeOfDay.NIGHT || spec.time() == TimeOfDay.DUSK
          ? Chirps.Kind.CRICKETS
          : Chirps.Kind.BIRDS;
      add(new Chirps(kind, random.split()), kind == Chirps.Kind.CRICKETS ? 0.05 : 0.07);
    }
  }

  private void add(Voice voice, double gain) {
    voices.add(voice);
    gains.add(gain);
  }

  /** The samples that accompany video frame {@code frame} of {@code frames}. */
  public short[] samples(int frame, int frames, int framesPerSecond, int sampleRate) {
    long first = (long) frame * sampleRate / framesPerSecond;
    long end = (long) (frame + 1) * sampleRate / framesPerSecond;
    double total = (double) frames / framesPerSecond;
    var out = new short[(int) (end - first)];
    for (int i = 0; i < out.length; i++) {
      double t = (first + i) / (double) sampleRate;
      double sum = 0;
      for (int v = 0; v < mix.length; v++) {
        sum += mix[v].next() * levels[v];
      }
      double value = Math.clamp(sum * fade(t, total), -1, 1);
      out[i] = (short) Math.round(value * LEVEL * Short.MAX_VALUE);
    }
    return out;
  }

  private static double fade(double t, double total) {
    return Math.clamp(Math.min(t / FADE_SECONDS, (total - t) / FADE_SECONDS), 0, 1);
  }
}
