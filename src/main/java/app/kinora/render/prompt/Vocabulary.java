package app.kinora.render.prompt;

import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Move;
import app.kinora.render.prompt.SceneSpec.Place;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The words the local renderer understands and what each does to a {@link Draft}. Phrases of two
 * words ("zoom in", "northern lights") are looked up joined by an underscore.
 */
final class Vocabulary {

  private static final Map<String, Consumer<Draft>> WORDS = new HashMap<>();

  static {
    places();
    light();
    features();
    moods();
    colours();
    camera();
  }

  private Vocabulary() {}

  static Optional<Consumer<Draft>> meaning(String word) {
    return Optional.ofNullable(WORDS.get(word));
  }

  private static void places() {
    define(
        d -> d.place(Place.SEA),
        "sea",
        "ocean",
        "waves",
        "surf",
        "coast",
        "shore",
        "seaside",
        "bay",
        "harbor",
        "harbour",
        "sail",
        "sailing",
        "boat",
        "ship",
        "island",
        "lagoon",
        "tropical",
        "seascape");
    define(d -> d.place(Place.BEACH), "beach", "beaches", "shoreline", "palm", "palms");
    define(
        d -> d.place(Place.LAKE),
        "lake",
        "pond",
        "river",
        "loch",
        "fjord",
        "reflection",
        "reflections");
    define(
        d -> d.place(Place.MOUNTAINS),
        "mountain",
        "mountains",
        "peak",
        "peaks",
        "alps",
        "alpine",
        "summit",
        "ridge",
        "ridges",
        "cliffs",
        "valley",
        "himalaya",
        "volcano",
        "canyon");
    define(
        d -> d.place(Place.CITY),
        "city",
        "town",
        "skyline",
        "street",
        "streets",
        "downtown",
        "urban",
        "skyscraper",
        "skyscrapers",
        "buildings",
        "metropolis",
        "tokyo",
        "cyberpunk");
    define(
        d -> d.place(Place.FOREST),
        "forest",
        "forests",
        "woods",
        "woodland",
        "trees",
        "tree",
        "jungle",
        "pine",
        "pines",
        "grove",
        "taiga",
        "rainforest");
    define(
        d -> d.place(Place.DESERT),
        "desert",
        "dunes",
        "dune",
        "sand",
        "sahara",
        "mesa",
        "oasis",
        "savanna");
    define(
        d -> d.place(Place.MEADOW),
        "meadow",
        "meadows",
        "field",
        "fields",
        "grass",
        "grassland",
        "countryside",
        "prairie",
        "farm",
        "garden",
        "flowers",
        "pasture");
    define(d -> d.place(Place.HILLS), "hills", "hill", "landscape", "highlands", "moor");
    define(
        d -> d.place(Place.SPACE),
        "space",
        "cosmos",
        "cosmic",
        "universe",
        "astronaut",
        "deep_space",
        "outer_space");
    define(
        d -> d.place(Place.UNDERWATER),
        "underwater",
        "reef",
        "submarine",
        "diving",
        "seabed",
        "kelp",
        "fish",
        "jellyfish",
        "ocean_floor",
        "undersea",
        "aquarium");
    define(d -> d.place(Place.UNDERWATER).feature(Feature.CORAL), "coral", "corals", "coral_reef");
  }

  private static void light() {
    define(d -> d.time(TimeOfDay.DAWN), "dawn", "sunrise", "morning", "daybreak", "sunup");
    define(
        d -> d.time(TimeOfDay.DAY),
        "day",
        "noon",
        "midday",
        "daylight",
        "daytime",
        "afternoon",
        "sunny",
        "summer");
    define(
        d -> d.time(TimeOfDay.DUSK),
        "sunset",
        "dusk",
        "evening",
        "twilight",
        "sundown",
        "golden_hour");
    define(d -> d.time(TimeOfDay.NIGHT), "night", "midnight", "nighttime", "nocturnal", "starlit");
    define(
        d -> d.time(TimeOfDay.NIGHT).feature(Feature.MOON),
        "moon",
        "moonlight",
        "moonlit",
        "full_moon");
    define(d -> d.feature(Feature.SUN), "sun", "sunshine", "sunlight", "sunlit");
    define(
        d -> d.weather(Weather.RAIN),
        "rain",
        "rainy",
        "raining",
        "drizzle",
        "downpour",
        "wet",
        "monsoon",
        "showers");
    define(
        d -> {
          d.weather(Weather.RAIN).feature(Feature.LIGHTNING);
          d.grade = d.grade.brighter(0.7);
        },
        "storm",
        "stormy",
        "thunderstorm",
        "thunder",
        "lightning");
    define(
        d -> d.weather(Weather.SNOW),
        "snow",
        "snowy",
        "snowing",
        "snowfall",
        "blizzard",
        "winter",
        "snowflakes");
    define(
        d -> d.weather(Weather.FOG),
        "fog",
        "foggy",
        "mist",
        "misty",
        "haze",
        "hazy",
        "smoke",
        "smoky");
    define(d -> d.feature(Feature.CLOUDS), "clouds", "cloud", "cloudy", "overcast");
  }

  private static void features() {
    define(
        d -> d.feature(Feature.STARS),
        "stars",
        "star",
        "starry",
        "starlight",
        "milky_way",
        "constellations");
    define(
        d -> d.feature(Feature.AURORA),
        "aurora",
        "auroras",
        "borealis",
        "northern_lights",
        "polar_lights");
    define(d -> d.feature(Feature.NEBULA), "nebula", "nebulae", "galaxy", "galaxies", "stardust");
    define(
        d -> d.feature(Feature.PLANET),
        "planet",
        "planets",
        "saturn",
        "jupiter",
        "mars",
        "exoplanet");
    define(
        d -> d.feature(Feature.FIREFLIES),
        "fireflies",
        "firefly",
        "glowworms",
        "lanterns",
        "lantern");
    define(
        d -> d.feature(Feature.CAMPFIRE).feature(Feature.SPARKS),
        "campfire",
        "bonfire",
        "fire",
        "flames",
        "fireplace",
        "camp",
        "camping");
    define(d -> d.feature(Feature.SPARKS), "sparks", "embers", "sparkles", "fireworks");
    define(
        d -> d.feature(Feature.NEON),
        "neon",
        "synthwave",
        "vaporwave",
        "cyber",
        "futuristic",
        "blade_runner");
    define(d -> d.feature(Feature.BUBBLES), "bubbles", "bubble");
    define(
        d -> d.feature(Feature.FROZEN).weather(Weather.SNOW),
        "arctic",
        "antarctic",
        "polar",
        "tundra",
        "glacier");
    define(d -> d.feature(Feature.FROZEN), "frozen", "ice", "icy", "frost", "frosty");
    define(d -> d.feature(Feature.BIRDS), "birds", "bird", "seagulls", "gulls", "flock", "geese");
    define(
        d -> d.feature(Feature.RAYS),
        "rays",
        "sunbeams",
        "beams",
        "godrays",
        "god_rays",
        "volumetric");
  }

  private static void moods() {
    define(
        d -> d.grade = d.grade.warmer(0.5),
        "warm",
        "cozy",
        "cosy",
        "hot",
        "summery",
        "autumn",
        "fall");
    define(d -> d.grade = d.grade.warmer(-0.5), "cold", "cool", "chilly", "freezing", "icy_blue");
    define(
        d -> d.grade = d.grade.softer(0.5).brighter(1.05),
        "dreamy",
        "soft",
        "ethereal",
        "magical",
        "mystical",
        "fairy",
        "whimsical",
        "gentle");
    define(
        d -> d.grade = d.grade.brighter(0.6),
        "dark",
        "gloomy",
        "moody",
        "ominous",
        "eerie",
        "spooky",
        "noir",
        "sinister",
        "horror");
    define(
        d -> d.grade = d.grade.brighter(1.15).saturated(1.25),
        "bright",
        "vivid",
        "vibrant",
        "colorful",
        "colourful",
        "saturated");
    define(d -> d.grade = d.grade.warmer(0.4).tinted(0.11, 0.35), "golden", "gold", "amber");
    define(
        d -> d.grade = d.grade.saturated(0.7).softer(0.3).brighter(1.08),
        "pastel",
        "pastels",
        "faded");
    define(
        d -> d.grade = d.grade.saturated(0), "monochrome", "grayscale", "greyscale", "black_and");
    define(
        d -> d.pace(0.7),
        "calm",
        "quiet",
        "peaceful",
        "serene",
        "tranquil",
        "still",
        "lazy",
        "relaxing");
    define(
        d -> d.pace(1.4),
        "epic",
        "dramatic",
        "intense",
        "wild",
        "fast",
        "energetic",
        "windy",
        "racing");
  }

  private static void colours() {
    tint(0.0, "red", "crimson", "scarlet", "ruby");
    tint(0.07, "orange", "copper", "rust");
    tint(0.15, "yellow", "lemon");
    tint(0.33, "green", "emerald", "lush", "jade");
    tint(0.48, "teal", "cyan", "turquoise", "aqua", "mint");
    tint(0.6, "blue", "azure", "sapphire", "navy", "cobalt");
    tint(0.75, "purple", "violet", "lavender", "indigo", "lilac");
    tint(0.88, "pink", "magenta", "rose", "fuchsia");
  }

  private static void camera() {
    define(
        d -> d.move(Move.PAN),
        "pan",
        "panning",
        "pans",
        "panorama",
        "panoramic",
        "tracking",
        "sweeping",
        "pan_left",
        "pan_right");
    define(
        d -> d.move(Move.ZOOM_IN), "zoom", "zoom_in", "zooming", "zooming_in", "push_in", "zooms");
    define(
        d -> d.move(Move.ZOOM_OUT),
        "zoom_out",
        "zooming_out",
        "pull_back",
        "pull_out",
        "pulls",
        "reveal");
    define(
        d -> d.move(Move.DOLLY),
        "dolly",
        "dolly_in",
        "flythrough",
        "fly_through",
        "forward",
        "approaching",
        "travelling",
        "traveling");
    define(
        d -> d.move(Move.ORBIT), "orbit", "orbiting", "circling", "rotating", "revolving", "arc");
    define(
        d -> d.move(Move.AERIAL),
        "aerial",
        "drone",
        "birdseye",
        "flyover",
        "overhead",
        "flying",
        "bird_s");
    define(d -> d.move(Move.CLOSE_UP), "close_up", "closeup", "macro", "close");
    define(d -> d.move(Move.SLOW_MOTION), "slow_motion", "slowmo", "slowmotion", "slow_mo");
    define(d -> d.pace(0.75), "slow", "slowly");
    define(d -> d.move(Move.STILL), "static", "locked", "tripod", "still_shot");
    define(d -> d.pace(1.8), "timelapse", "time_lapse", "hyperlapse");
  }

  private static void tint(double hue, String... words) {
    define(d -> d.grade = d.grade.tinted(hue, 0.4), words);
  }

  private static void define(Consumer<Draft> effect, String... words) {
    for (var word : words) {
      WORDS.merge(word, effect, Consumer::andThen);
    }
  }
}
