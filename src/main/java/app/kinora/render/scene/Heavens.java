package app.kinora.render.scene;

import app.kinora.render.layers.Aurora;
import app.kinora.render.layers.Backdrop;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Lightning;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.Stars;
import app.kinora.render.layers.Sun;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import java.util.List;

/**
 * The sky's layers: the lit gradient with the glow of the sun or moon, the stars, the aurora and
 * the sun or moon itself, placed by the time of day (low and rising at dawn, high at noon,
 * sinking at dusk).
 */
final class Heavens {

  private Heavens() {}

  static void sky(Scenery s, List<Layer> layers) {
    var spec = s.spec();
    var path = path(s);
    layers.add(new Backdrop(backdrop(s, path[0]), s.width(), s.height(), 0.02));
    double stars =
        spec.night() ? 1 : spec.has(Feature.STARS) && spec.time() != TimeOfDay.DAY ? 0.35 : 0;
    if (stars > 0 && spec.weather() != Weather.RAIN) {
      int count = (int) (s.width() * (double) s.height() / 2600);
      double seen = stars * (spec.weather() == Weather.CLEAR ? 1 : 0.4);
      layers.add(new Stars(s.fork(), s.layout(), count, s.horizon(), 0.04, seen));
    }
    if (spec.has(Feature.LIGHTNING)) {
      layers.add(new Lightning(
          spec.variation() ^ s.random().nextLong(), s.horizon(), s.palette().graded(0xc8d4ff)));
    }
    if (spec.has(Feature.AURORA)) {
      layers.add(new Aurora(
          s.fork(), s.palette(), s.width(), s.horizon() - s.height() * 0.2, s.height() * 0.38));
    }
    boolean moon = spec.night();
    if (spec.weather() != Weather.RAIN && (!moon || moonVisible(spec))) {
      int colour = s.palette().graded(moon ? 0xe4ecff : s.palette().sun());
      double strength = spec.weather() == Weather.CLEAR ? 1 : 0.55;
      layers.add(Sun.of(
          colour, s.unit() * (moon ? 0.04 : 0.05), s.sunX(), path[0], path[1], moon, strength));
    }
  }

  /** The still sky: its gradient, the broad glow around the sun or moon at {@code sunY}, clouds. */
  private static int[] backdrop(Scenery s, double sunY) {
    var spec = s.spec();
    double glowRadius = s.unit() * (spec.time() == TimeOfDay.DAY ? 0.7 : 1.1);
    double glowStrength = switch (spec.time()) {
      case DAY -> 0.45;
      case NIGHT -> moonVisible(spec) ? 0.3 : 0;
      default -> spec.weather() == Weather.CLEAR ? 0.95 : 0.35;
    };
    var image = Skies.outdoor(s.palette(), s.layout(), s.sunX(), sunY, glowRadius, glowStrength);
    double cover = spec.weather() == Weather.RAIN ? 0.85 : spec.has(Feature.CLOUDS) ? 0.5 : 0;
    if (cover > 0) {
      Skies.clouds(image, s.palette(), s.layout(), s.fork(), cover, spec.night());
    }
    return image;
  }

  /** Where the sun or moon is at the start and at the end of the clip, as world y. */
  private static double[] path(Scenery s) {
    double horizon = s.horizon();
    double h = s.height();
    return switch (s.spec().time()) {
      case DAWN -> new double[] {horizon - h * 0.05, horizon - h * 0.13};
      case DAY -> new double[] {horizon - h * 0.42, horizon - h * 0.44};
      case DUSK -> new double[] {horizon - h * 0.11, horizon - h * 0.025};
      case NIGHT -> new double[] {horizon - h * 0.4, horizon - h * 0.42};
    };
  }

  /** The moon shows when asked for, and otherwise on most clear nights. */
  private static boolean moonVisible(SceneSpec spec) {
    return spec.has(Feature.MOON) || spec.weather() == Weather.CLEAR && (spec.variation() & 6) != 6;
  }
}
