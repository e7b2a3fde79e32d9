package app.kinora.render.scene;

import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Birds;
import app.kinora.render.layers.Fog;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.LightRays;
import app.kinora.render.layers.Lights;
import app.kinora.render.layers.Particles;
import app.kinora.render.layers.Scenery;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Place;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import app.kinora.render.scene.Landscapes.Reach;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a scene description into its layers, back to front: backdrop, lights in the sky, land
 * (one setting filling it, or a far one behind a near one or behind water), then what hangs in
 * the air and the glowing things in front.
 */
final class Composer {

  private static final List<Place> LANDS =
      List.of(Place.MOUNTAINS, Place.CITY, Place.FOREST, Place.DESERT, Place.MEADOW, Place.HILLS);

  private Composer() {}

  static List<Layer> layers(Scenery s) {
    var layers = new ArrayList<Layer>();
    var spec = s.spec();
    if (spec.has(Place.SPACE)) {
      Worlds.space(s, layers);
    } else if (spec.has(Place.UNDERWATER)) {
      Worlds.underwater(s, layers);
    } else {
      Heavens.sky(s, layers);
      land(s, layers);
      Worlds.campfire(s, layers);
      air(s, layers, 1);
    }
    return layers;
  }

  /**
   * What of the scene can float over a picture that is not ours — a reference image or clip: the
   * weather, the glowing things and the creatures in the air, and fog as a low band; no sky, land
   * or water, which would hide the picture.
   */
  static List<Layer> overlays(Scenery s) {
    var layers = new ArrayList<Layer>();
    var spec = s.spec();
    if (spec.weather() == Weather.FOG) {
      int colour =
          s.palette().graded(Rgb.mix(s.palette().haze(), 0xffffff, spec.night() ? 0.05 : 0.35));
      layers.add(new Fog(s.fork(), s.height() * 0.74, s.height() * 0.3, 0.6, 0.5, colour));
    }
    air(s, layers, 3);
    if (spec.has(Feature.CAMPFIRE) && !spec.has(Feature.SPARKS)) {
      layers.add(new Lights(
          Lights.Kind.SPARKS,
          s.fork(),
          40,
          s.palette().graded(0xffa040),
          s.unit(),
          s.width() / 2.0,
          s.height() * 1.02,
          s.height() * 0.7));
    }
    return layers;
  }

  private static void land(Scenery s, List<Layer> layers) {
    var spec = s.spec();
    var lands = LANDS.stream().filter(spec::has).toList();
    boolean water = spec.has(Place.SEA) || spec.has(Place.LAKE);
    if (water) {
      if (!lands.isEmpty()) {
        setting(s, layers, lands.getFirst(), Reach.FAR);
      } else if (spec.has(Place.LAKE)) {
        setting(s, layers, spec.has(Feature.FROZEN) ? Place.MOUNTAINS : Place.FOREST, Reach.FAR);
      }
      Shores.water(s, layers);
    } else if (lands.size() == 1) {
      setting(s, layers, lands.getFirst(), Reach.FULL);
    } else {
      setting(s, layers, lands.get(0), Reach.FAR);
      setting(s, layers, lands.get(1), Reach.NEAR);
    }
    if (spec.weather() == Weather.FOG) {
      Shores.mist(s, layers, 1);
    } else if (spec.has(Place.FOREST) && spec.time() != TimeOfDay.DAY) {
      Shores.mist(s, layers, 0.35);
    }
  }

  private static void setting(Scenery s, List<Layer> layers, Place place, Reach reach) {
    switch (place) {
      case MOUNTAINS -> Landscapes.mountains(s, layers, reach);
      case CITY -> Cities.city(s, layers, reach);
      case FOREST -> Landscapes.forest(s, layers, reach);
      case DESERT -> Landscapes.desert(s, layers, reach);
      case MEADOW -> Landscapes.hills(s, layers, reach, 0x74b04a, true);
      default -> Landscapes.hills(s, layers, reach, 0x5a8f4c, false);
    }
  }

  /**
   * Weather and the small things in the air, in front of the land; {@code density} thickens the
   * rain or snow, which over a reference picture has no depth of land to fill the frame.
   */
  private static void air(Scenery s, List<Layer> layers, double density) {
    var spec = s.spec();
    var palette = s.palette();
    if (spec.has(Feature.FIREFLIES)) {
      int count = 28 + s.random().nextInt(16);
      layers.add(new Lights(
          Lights.Kind.FIREFLIES,
          s.fork(),
          count,
          palette.graded(0xd8ff70),
          s.unit(),
          s.width() / 2.0,
          s.horizon() + s.height() * 0.18,
          s.width() * 0.55));
    }
    weather(s, layers, density);
    if (spec.has(Feature.SPARKS) && !spec.has(Feature.CAMPFIRE)) {
      layers.add(new Lights(
          Lights.Kind.SPARKS,
          s.fork(),
          60,
          palette.graded(0xffa040),
          s.unit(),
          s.width() / 2.0,
          s.height() * 1.02,
          s.height() * 0.9));
    }
    if (spec.has(Feature.BIRDS)) {
      int silhouette = palette.land(0x202428, 0.3, 0.2);
      layers.add(new Birds(
          s.fork(), 5 + s.random().nextInt(5), s.width(), s.unit(), s.horizon(), silhouette));
    }
    if (spec.has(Feature.RAYS) && spec.time() != TimeOfDay.NIGHT) {
      layers.add(new LightRays(
          s.fork(), s.width(), 5, s.height(), s.unit() * 0.08, palette.graded(0x4a4230)));
    }
  }

  /** Rain or snow, as many drops or flakes as the frame is large; dust or pollen in a dry day's light. */
  private static void weather(Scenery s, List<Layer> layers, double density) {
    var spec = s.spec();
    var palette = s.palette();
    double area = s.width() * (double) s.height() * density;
    switch (spec.weather()) {
      case RAIN ->
        layers.add(new Particles(
            Particles.Kind.RAIN,
            s.fork(),
            (int) (area / 6500),
            palette.graded(spec.night() ? 0xa0b0c8 : 0xe8eef6),
            s.unit()));
      case SNOW ->
        layers.add(new Particles(
            Particles.Kind.SNOW,
            s.fork(),
            (int) (area / 11000),
            palette.graded(0xffffff),
            s.unit()));
      default -> {
        if (!spec.night()
            && (spec.has(Place.DESERT) || spec.has(Place.MEADOW) || spec.has(Feature.RAYS))) {
          layers.add(new Particles(
              Particles.Kind.DUST,
              s.fork(),
              (int) (area / 14000),
              palette.graded(0xfff4d8),
              s.unit()));
        }
      }
    }
  }
}
