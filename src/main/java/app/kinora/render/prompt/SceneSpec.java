package app.kinora.render.prompt;

import java.util.Set;

/**
 * What a prompt asks the local renderer to draw, read from its words by {@link PromptReader}:
 * the places that become terrain layers, the light, the weather, extra elements, the colour grade
 * and the camera move. {@code variation} hashes every word, so prompts that share all known words
 * still differ in shapes, motion and hue.
 *
 * @param places the settings, e.g. sea and mountains; never empty
 * @param time the time of day, which lights the sky
 * @param weather what falls or hangs in the air
 * @param features extra elements such as stars, aurora or a campfire
 * @param grade colour and mood adjustments
 * @param moves camera moves over the layers
 * @param pace how fast everything moves, 1 being normal
 * @param variation a hash of all the prompt's words, seeding shapes and motion
 */
public record SceneSpec(
    Set<Place> places,
    TimeOfDay time,
    Weather weather,
    Set<Feature> features,
    Grade grade,
    Set<Move> moves,
    double pace,
    long variation) {

  public SceneSpec {
    places = Set.copyOf(places);
    features = Set.copyOf(features);
    moves = Set.copyOf(moves);
    if (places.isEmpty()) {
      throw new IllegalArgumentException("a scene needs at least one place");
    }
  }

  public boolean has(Place place) {
    return places.contains(place);
  }

  public boolean has(Feature feature) {
    return features.contains(feature);
  }

  public boolean has(Move move) {
    return moves.contains(move);
  }

  public boolean night() {
    return time == TimeOfDay.NIGHT;
  }

  /** Where the scene takes place; several may combine, e.g. mountains behind a lake. */
  public enum Place {
    SEA,
    BEACH,
    LAKE,
    MOUNTAINS,
    CITY,
    FOREST,
    DESERT,
    MEADOW,
    HILLS,
    SPACE,
    UNDERWATER
  }

  /** The light of the sky. */
  public enum TimeOfDay {
    DAWN,
    DAY,
    DUSK,
    NIGHT
  }

  /** What falls or hangs in the air. */
  public enum Weather {
    CLEAR,
    RAIN,
    SNOW,
    FOG
  }

  /** Elements drawn on top of the places. */
  public enum Feature {
    STARS,
    AURORA,
    NEBULA,
    FIREFLIES,
    CAMPFIRE,
    SPARKS,
    NEON,
    BUBBLES,
    CORAL,
    MOON,
    SUN,
    FROZEN,
    BIRDS,
    RAYS,
    LIGHTNING,
    CLOUDS,
    PLANET
  }

  /** Camera moves; several may combine. */
  public enum Move {
    PAN,
    ZOOM_IN,
    ZOOM_OUT,
    DOLLY,
    ORBIT,
    AERIAL,
    CLOSE_UP,
    SLOW_MOTION,
    STILL
  }
}
