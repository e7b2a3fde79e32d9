package app.kinora.render.scene;

import app.kinora.render.layers.Profile;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.Shading;
import app.kinora.render.layers.Terrain;

/**
 * How to light and colour one terrain layer, and the factory that turns it and an outline into a
 * {@link Terrain}: the albedo lit from the sun's side by slope or face, faded into the haze with
 * distance and more so towards its foot (mist in the valleys), with an optional cap colour (snow,
 * foam) above a snow line.
 *
 * @param albedo the surface colour in white light
 * @param capAlbedo the colour above the snow line, or -1 for none
 * @param distance 0 (nearest) to 1 (at the horizon): how much haze covers it
 * @param relief how much slopes show light and shade, 0 for flat silhouettes
 */
record Ground(int albedo, int capAlbedo, double distance, double relief) {

  private static final int TONES = 32;

  Terrain build(Scenery scenery, Profile outline, Profile snowline, double depth, double base) {
    var palette = scenery.palette();
    double height = Math.max(1, outline.highest());
    int tones = relief == 0 ? 1 : outline.faces() != null ? 2 : TONES;
    double mist = palette.hazeStrength();
    Shading shading = Shading.of(
        tones,
        scenery.height() + 1,
        (tone, row) -> palette.land(albedo, facing(tone, tones), hazeAt(row, base, height, mist)),
        capAlbedo < 0
            ? null
            : (tone, row) ->
                palette.land(capAlbedo, facing(tone, tones), hazeAt(row, base, height, mist)));
    double light = relief * (scenery.lightFromLeft() ? 1 : -1);
    return new Terrain(
        outline, snowline, depth, base, shading, light, scenery.width(), scenery.height());
  }

  /** A layer whose outline says which of {@code albedos} each column has: buildings, corals. */
  Terrain toned(Scenery scenery, Profile outline, int[] albedos, double depth, double base) {
    var palette = scenery.palette();
    double height = Math.max(1, outline.highest());
    double mist = palette.hazeStrength();
    Shading shading = Shading.of(
        albedos.length,
        scenery.height() + 1,
        (tone, row) -> palette.land(albedos[tone], 0.6, hazeAt(row, base, height, mist)),
        null);
    return new Terrain(outline, null, depth, base, shading, 0, scenery.width(), scenery.height());
  }

  /** A silhouette of one colour, e.g. a tree line. */
  Terrain flat(Scenery scenery, Profile outline, double depth, double base) {
    return new Ground(albedo, -1, distance, 0).build(scenery, outline, null, depth, base);
  }

  private double facing(int tone, int tones) {
    return tones == 1 ? 0.6 : 0.5 + (tone / (tones - 1.0) - 0.5) * Math.min(1, relief);
  }

  /** Haze grows towards the foot of the layer, where mist gathers. */
  private double hazeAt(int row, double base, double height, double mist) {
    double foot = Math.clamp((row - (base - height * 0.6)) / (height * 0.6), 0, 1);
    return distance + (1 - distance) * foot * foot * 0.35 * mist;
  }
}
