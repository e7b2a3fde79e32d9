package app.kinora.render.scene;

import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Profile;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.Skyline;
import app.kinora.render.layers.Water;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Weather;
import app.kinora.render.scene.Landscapes.Reach;
import java.util.List;

/**
 * A city: rows of buildings from far to near, windows lit by the time of day, neon signs when
 * asked for, and in front a street that mirrors the lights when it is wet or neon-lit.
 */
final class Cities {

  private Cities() {}

  static void city(Scenery s, List<Layer> layers, Reach reach) {
    var spec = s.spec();
    double h = s.height();
    double[][] rows = {
      {0.2, 0.02, 0.3, 0.75, 0.008},
      {0.45, 0.12, 0.42, 0.45, 0.012},
      {0.75, 0.26, 0.55, 0.15, 0.017}
    };
    double nearestBase = s.horizon();
    for (var r : rows) {
      if (reach == Reach.FAR && r[0] > 0.5 || reach == Reach.NEAR && r[0] < 0.3) {
        continue;
      }
      double base = s.horizon() + h * (reach == Reach.FAR ? r[1] * 0.3 : r[1]);
      double height = h * r[2] * (reach == Reach.FAR ? 0.7 : 1);
      layers.add(skyline(s, r[0], base, height, r[3], s.unit() * r[4]));
      nearestBase = base;
    }
    if (reach != Reach.FAR) {
      street(s, layers, nearestBase, spec.weather() == Weather.RAIN || spec.has(Feature.NEON));
    }
  }

  private static Skyline skyline(
      Scenery s, double depth, double base, double height, double distance, double cell) {
    var spec = s.spec();
    var buildings = Skyline.buildings(s.fork(), s.period(), height, s.unit());
    var outline = Skyline.outline(buildings, s.period());
    int[] facades = {0x3c4458, 0x323a4c, 0x465066, 0x2c3242};
    var silhouette = new Ground(0x3c4458, -1, distance, 0).toned(s, outline, facades, depth, base);
    double lit = switch (spec.time()) {
      case NIGHT -> 0.4;
      case DUSK -> 0.28;
      case DAWN -> 0.14;
      case DAY -> 0;
    };
    int[] windows = spec.has(Feature.NEON)
        ? graded(
            s, 0xe8c48a, 0xf0e0c0, 0xe8b070, 0xe8c48a, 0xf0e0c0, 0xd060c0, 0xe8b070, 0xf0e0c0,
            0xe8c48a, 0x60d0e0)
        : graded(s, 0xe8c48a, 0xf0e0c0, 0xe8b070, 0xc8dcf0);
    int[] signs = spec.has(Feature.NEON) && depth > 0.4
        ? graded(s, 0xff2fa8, 0x22e0ff, 0xffd23c, 0xa05cff)
        : new int[0];
    double hazed = Math.max(0.3, 0.85 - distance * 0.7);
    for (int i = 0; i < windows.length; i++) {
      windows[i] = Rgb.scale(windows[i], hazed);
    }
    return new Skyline(silhouette, buildings, s.period(), depth, base, cell, lit, windows, signs);
  }

  /** Asphalt in front of the buildings; wet, it becomes a dark mirror. */
  private static void street(Scenery s, List<Layer> layers, double base, boolean wet) {
    var palette = s.palette();
    int asphalt = palette.land(0x2a2c34, 0.4, 0);
    if (wet) {
      int shine = palette.graded(Rgb.mix(palette.horizon(), 0xffffff, 0.2));
      layers.add(new Water(
          Water.Surface.STREET, s.fork(), base, asphalt, Rgb.scale(asphalt, 0.7), shine, 0, 0));
    } else {
      var flat = new Profile(new float[s.period()], null);
      layers.add(new Ground(0x2a2c34, -1, 0.05, 0).flat(s, flat, 0.95, base));
    }
  }

  private static int[] graded(Scenery s, int... colours) {
    var out = new int[colours.length];
    for (int i = 0; i < colours.length; i++) {
      out[i] = s.palette().graded(colours[i]);
    }
    return out;
  }
}
