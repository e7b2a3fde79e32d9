package app.kinora.render.prompt;

import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Move;
import app.kinora.render.prompt.SceneSpec.Place;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import java.util.EnumSet;

/** A scene description being filled in word by word; {@link Vocabulary} entries write to it. */
final class Draft {

  final EnumSet<Place> places = EnumSet.noneOf(Place.class);
  final EnumSet<Feature> features = EnumSet.noneOf(Feature.class);
  final EnumSet<Move> moves = EnumSet.noneOf(Move.class);
  TimeOfDay time;
  Weather weather = Weather.CLEAR;
  Grade grade = Grade.NEUTRAL;
  double pace = 1;
  private double hueShift;

  private static final double MAX_HUE_SHIFT = 0.07;

  Draft place(Place place) {
    places.add(place);
    return this;
  }

  Draft feature(Feature feature) {
    features.add(feature);
    return this;
  }

  Draft move(Move move) {
    moves.add(move);
    return this;
  }

  Draft time(TimeOfDay time) {
    this.time = time;
    return this;
  }

  Draft weather(Weather weather) {
    this.weather = weather;
    return this;
  }

  Draft pace(double factor) {
    pace *= factor;
    return this;
  }

  /** A word the vocabulary does not know still shifts the hue and the pace, by its hash. */
  Draft unknown(long hash) {
    hueShift += ((hash & 0xff) / 255.0 - 0.5) * 0.06;
    return pace(0.92 + ((hash >>> 8) & 0xff) / 255.0 * 0.16);
  }

  /** Fills what the prompt left open with what fits the rest, then freezes the draft. */
  SceneSpec complete(long variation) {
    if (places.isEmpty()
        && (features.contains(Feature.NEBULA) || features.contains(Feature.PLANET))) {
      places.add(Place.SPACE);
    } else if (places.isEmpty() && features.contains(Feature.CAMPFIRE)) {
      places.add(Place.FOREST);
      places.add(Place.HILLS);
    } else if (places.isEmpty()) {
      places.add(Place.HILLS);
    }
    if (places.contains(Place.BEACH)) {
      places.add(Place.SEA);
    }
    if (places.contains(Place.UNDERWATER)) {
      features.add(Feature.BUBBLES);
    }
    if (time == null) {
      time = impliedTime(variation);
    }
    if (time == TimeOfDay.NIGHT && !places.contains(Place.UNDERWATER)) {
      features.add(Feature.STARS);
    }
    var graded = grade.shifted(Math.clamp(hueShift, -MAX_HUE_SHIFT, MAX_HUE_SHIFT));
    return new SceneSpec(places, time, weather, features, graded, moves, pace, variation);
  }

  /** Stars, aurora, fireflies and fires belong to the night; otherwise the prompt's hash picks. */
  private TimeOfDay impliedTime(long variation) {
    var nightly = EnumSet.of(
        Feature.STARS,
        Feature.AURORA,
        Feature.MOON,
        Feature.FIREFLIES,
        Feature.CAMPFIRE,
        Feature.NEON,
        Feature.SPARKS);
    if (features.stream().anyMatch(nightly::contains)) {
      return TimeOfDay.NIGHT;
    }
    if (places.contains(Place.SPACE) || places.contains(Place.UNDERWATER)) {
      return TimeOfDay.DAY;
    }
    var choices = new TimeOfDay[] {TimeOfDay.DAY, TimeOfDay.DUSK, TimeOfDay.DAY, TimeOfDay.DAWN};
    return choices[(int) Math.floorMod(variation >>> 7, choices.length)];
  }
}
