package app.kinora.render.scene;

import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Fog;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.Terrain;
import app.kinora.render.layers.Water;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Place;
import java.util.List;

/** Water from the horizon down (sea, lake or ice), a beach in front of it, and banks of mist. */
final class Shores {

  private Shores() {}

  static void water(Scenery s, List<Layer> layers) {
    var spec = s.spec();
    var palette = s.palette();
    boolean sea = spec.has(Place.SEA);
    var surface =
        spec.has(Feature.FROZEN) ? Water.Surface.ICE : sea ? Water.Surface.SEA : Water.Surface.LAKE;
    boolean ice = surface == Water.Surface.ICE;
    int near =
        palette.graded(Rgb.mix(palette.zenith(), ice ? 0x6a88b0 : 0x06182c, ice ? 0.5 : 0.45));
    int far = Rgb.mix(
        palette.graded(Rgb.mix(palette.horizon(), ice ? 0x9ab4d0 : 0x1f5a8a, 0.2)), near, 0.25);
    int shine = palette.graded(Rgb.mix(palette.horizon(), 0xffffff, 0.4));
    boolean glints = !ice
        && spec.weather() == SceneSpec.Weather.CLEAR
        && (!spec.night() || spec.has(Feature.MOON));
    int glint = glints ? Rgb.scale(palette.graded(palette.sun()), spec.night() ? 0.4 : 0.85) : 0;
    layers.add(new Water(surface, s.fork(), s.horizon(), far, near, shine, glint, s.sunX()));
    if (spec.has(Place.BEACH) || spec.has(Feature.CAMPFIRE)) {
      shore(s, layers, spec.has(Place.BEACH) ? 0xe6cc9a : 0x4a5a38);
    }
  }

  /** Sand or a grassy bank in the foreground, its edge wet and light where the water laps it. */
  private static void shore(Scenery s, List<Layer> layers, int albedo) {
    var outline = Profiles.hills(s.fork(), s.period(), s.height() * 0.14);
    var wet = outline.lifted(-s.height() * 0.008);
    int edge = Rgb.mix(albedo, 0xffffff, 0.5);
    layers.add(new Ground(albedo, edge, 0.05, 0.4).build(s, outline, wet, 0.92, s.height() * 0.99));
  }

  /**
   * A bank of mist at the foot of each land layer but the nearest, where it gathers; {@code
   * thickness} 1 for fog, less for the thin mist of a forest.
   */
  static void mist(Scenery s, List<Layer> layers, double thickness) {
    int colour =
        s.palette().graded(Rgb.mix(s.palette().haze(), 0xffffff, s.spec().night() ? 0.05 : 0.35));
    double h = s.height();
    for (int i = layers.size() - 1; i >= 0; i--) {
      if (layers.get(i) instanceof Terrain land && land.depth() < 0.8) {
        double d = land.depth();
        double density = (0.75 - 0.3 * d) * thickness;
        layers.add(
            i + 1,
            new Fog(s.fork(), land.base() - h * 0.02, h * (0.05 + 0.08 * d), density, d, colour));
      }
    }
  }
}
