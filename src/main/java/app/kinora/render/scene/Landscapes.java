package app.kinora.render.scene;

import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Scenery;
import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Weather;
import java.util.List;

/**
 * Terrain for the land settings, as layers from far to near: mountain ranges, rolling hills, a
 * meadow with groves, wind-shaped dunes and pine forests. Each can fill the whole land ({@link
 * Reach#FULL}), stand far off on the horizon behind water or another setting ({@link Reach#FAR}),
 * or take the foreground in front of one ({@link Reach#NEAR}).
 */
final class Landscapes {

  /** Which part of the depth a setting takes. */
  enum Reach {
    FULL,
    FAR,
    NEAR
  }

  /** One layer: its depth, base and height below/above the horizon (in frame heights), haze. */
  private record Row(double depth, double base, double height, double distance, double spacing) {}

  private static final List<Row> RANGES = List.of(
      new Row(0.1, 0.02, 0.4, 0.8, 0.22),
      new Row(0.3, 0.12, 0.32, 0.5, 0.3),
      new Row(0.6, 0.28, 0.26, 0.18, 0.42));
  private static final List<Row> HILLS = List.of(
      new Row(0.12, 0.0, 0.1, 0.85, 0),
      new Row(0.3, 0.08, 0.12, 0.6, 0),
      new Row(0.55, 0.19, 0.12, 0.35, 0),
      new Row(0.85, 0.33, 0.1, 0.1, 0));
  private static final List<Row> DUNES = List.of(
      new Row(0.12, 0.01, 0.09, 0.7, 0.35),
      new Row(0.35, 0.09, 0.15, 0.4, 0.55),
      new Row(0.55, 0.17, 0.18, 0.25, 0.7),
      new Row(0.8, 0.3, 0.22, 0.06, 0.9));
  private static final List<Row> PINES = List.of(
      new Row(0.3, 0.03, 0.2, 0.72, 0),
      new Row(0.55, 0.12, 0.28, 0.42, 0),
      new Row(0.85, 0.3, 0.42, 0.0, 0));

  private Landscapes() {}

  static void mountains(Scenery s, List<Layer> out, Reach reach) {
    boolean snowy = s.spec().weather() == Weather.SNOW || s.spec().has(Feature.FROZEN);
    for (var r : RANGES) {
      if (skip(reach, r.depth())) {
        continue;
      }
      double height = s.height() * r.height() * (reach == Reach.FAR ? 0.7 : 1);
      double base = base(s, reach, r);
      var outline = Peaks.mountains(
          s.fork(),
          s.period(),
          height,
          s.width() * r.spacing(),
          snowy ? 0.6 : 0.22,
          s.height() - base);
      var rock = new Ground(0x4c5668, 0xf2f6fc, r.distance(), 1);
      out.add(rock.build(s, outline, null, r.depth(), base));
    }
  }

  /** Rolling hills; under snow or ice they are white whatever {@code albedo} says. */
  static void hills(Scenery s, List<Layer> out, Reach reach, int albedo, boolean groves) {
    boolean snowy = s.spec().weather() == Weather.SNOW || s.spec().has(Feature.FROZEN);
    int ground = snowy ? 0xe6ecf4 : albedo;
    for (var r : HILLS) {
      if (skip(reach, r.depth())) {
        continue;
      }
      double base = base(s, reach, r);
      if (groves && r.depth() > 0.2 && r.depth() < 0.6) {
        var trees = Profiles.groves(s.fork(), s.period(), s.height() * r.height() * 0.9);
        out.add(new Ground(0x3d6a3a, -1, r.distance(), 0)
            .flat(s, trees, r.depth(), base - s.height() * r.height() * 0.3));
      }
      var outline = Profiles.hills(s.fork(), s.period(), s.height() * r.height());
      var land = new Ground(
          Rgb.mix(ground, snowy ? 0xb8c4d4 : 0x3a5a40, r.depth() * 0.4), -1, r.distance(), 0.6);
      out.add(land.build(s, outline, null, r.depth(), base));
    }
  }

  static void desert(Scenery s, List<Layer> out, Reach reach) {
    for (var r : DUNES) {
      if (skip(reach, r.depth())) {
        continue;
      }
      double base = base(s, reach, r);
      var outline = Peaks.dunes(
          s.fork(),
          s.period(),
          s.height() * r.height(),
          s.width() * r.spacing(),
          s.lightFromLeft(),
          s.height() - base);
      out.add(new Ground(0xeaa050, -1, r.distance(), 0.7).build(s, outline, null, r.depth(), base));
    }
  }

  static void forest(Scenery s, List<Layer> out, Reach reach) {
    if (reach != Reach.NEAR) {
      var far = Profiles.hills(s.fork(), s.period(), s.height() * 0.1);
      out.add(new Ground(0x4a7466, -1, 0.9, 0.3)
          .build(s, far, null, 0.1, s.horizon() + s.height() * 0.01));
    }
    for (var r : PINES) {
      if (skip(reach, r.depth())) {
        continue;
      }
      double scale = reach == Reach.FAR ? 0.6 : 1;
      var outline = Profiles.pines(s.fork(), s.period(), s.height() * r.height() * scale);
      out.add(
          new Ground(0x1e4a2c, -1, r.distance(), 0).flat(s, outline, r.depth(), base(s, reach, r)));
    }
  }

  /** Far layers sink to the horizon behind water or a nearer setting. */
  private static double base(Scenery s, Reach reach, Row row) {
    return s.horizon() + s.height() * row.base() * (reach == Reach.FAR ? 0.25 : 1);
  }

  /** A FAR reach keeps the distant layers, a NEAR one the close layers. */
  private static boolean skip(Reach reach, double depth) {
    return reach == Reach.FAR && depth > 0.35 || reach == Reach.NEAR && depth < 0.45;
  }
}
