package app.kinora.render.scene;

import app.kinora.render.layers.Backdrop;
import app.kinora.render.layers.Campfire;
import app.kinora.render.layers.Fish;
import app.kinora.render.layers.Kelp;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.LightRays;
import app.kinora.render.layers.Lights;
import app.kinora.render.layers.Palette;
import app.kinora.render.layers.Particles;
import app.kinora.render.layers.Planet;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.Stars;
import app.kinora.render.layers.Terrain;
import app.kinora.render.prompt.SceneSpec.Feature;
import java.util.List;

/**
 * The settings that are not a landscape under a sky (space, under water) and the campfire,
 * which stands on whatever ground is nearest.
 */
final class Worlds {

  private Worlds() {}

  static void space(Scenery s, List<Layer> layers) {
    var spec = s.spec();
    boolean nebula = spec.has(Feature.NEBULA) || (spec.variation() & 2) == 0;
    layers.add(new Backdrop(
        Skies.space(s.palette(), s.layout(), s.fork(), nebula), s.width(), s.height(), 0.02));
    int count = (int) (s.width() * (double) s.height() / 700);
    layers.add(new Stars(s.fork(), s.layout(), count, s.height() * 1.6, 0.5, 1));
    if (spec.has(Feature.PLANET)) {
      layers.add(Planet.of(s));
    }
  }

  static void underwater(Scenery s, List<Layer> layers) {
    var palette = s.palette();
    var deep = new Palette(
        0x06284a,
        0x137a9e,
        0x4fc3d8,
        0xffffff,
        0x9fe8f0,
        0xd8f4f4,
        0x2a7090,
        0x137a9e,
        0.85,
        palette.grade());
    var sea = new Scenery(s.spec(), s.layout(), deep, s.random(), s.sunX());
    double h = s.height();
    layers.add(new Backdrop(Skies.underwater(palette, s.layout()), s.width(), s.height(), 0.02));
    layers.add(
        new LightRays(s.fork(), s.width(), 6, h * 0.85, s.unit() * 0.07, palette.graded(0x2a4a48)));
    var rocks = Profiles.hills(s.fork(), s.period(), h * 0.16);
    layers.add(new Ground(0x2c6a80, -1, 0.75, 0.3).build(sea, rocks, null, 0.2, h * 0.86));
    layers.add(
        new Kelp(s.fork(), 9, s.width(), h * 1.02, h * 0.55, 0.5, deep.land(0x2f7a4a, 0.5, 0.45)));
    int[] corals = {0xe8708e, 0xf0904a, 0xa070e0, 0xe8c860, 0x48c8b8, 0xc8b48c};
    var reef = Profiles.coral(s.fork(), s.period(), h * 0.34, corals.length - 1);
    layers.add(new Ground(corals[0], -1, 0.1, 0).toned(sea, reef, corals, 0.75, h * 1.01));
    layers.add(
        new Fish(s.fork(), palette, 9 + s.random().nextInt(6), s.unit(), palette.graded(0x137a9e)));
    double area = s.width() * h;
    layers.add(new Particles(
        Particles.Kind.DUST, s.fork(), (int) (area / 9000), palette.graded(0xcff6ff), s.unit()));
    layers.add(new Particles(
        Particles.Kind.BUBBLES,
        s.fork(),
        (int) (area / 24000),
        palette.graded(0xe8fbff),
        s.unit()));
  }

  /** A fire on the nearest ground, in the middle of the frame, throwing sparks. */
  static void campfire(Scenery s, List<Layer> layers) {
    if (!s.spec().has(Feature.CAMPFIRE)) {
      return;
    }
    double x = s.width() * 0.5;
    double depth = 0.9;
    double y = s.height() * 0.9;
    for (var layer : layers) {
      if (layer instanceof Terrain ground && ground.depth() >= 0.5) {
        depth = ground.depth();
        y = ground.surfaceAt(x) + s.height() * 0.02;
      }
    }
    double size = s.height() * 0.16;
    layers.add(new Campfire(s.fork(), s.palette(), x, y, depth, size));
    layers.add(new Lights(
        Lights.Kind.SPARKS,
        s.fork(),
        70,
        s.palette().graded(0xffa040),
        s.unit(),
        x,
        y - size * 0.5,
        s.height() * 0.5));
  }
}
