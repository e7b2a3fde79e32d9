package app.kinora.render.layers;

import app.kinora.render.canvas.Rgb;
import app.kinora.render.prompt.Grade;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;

/**
 * The light and colours of a scene: a three-stop sky, the sun or moon, the light falling on the
 * land and the haze that fades distant layers, all set by the time of day, dimmed or greyed by
 * the weather and graded by the prompt's mood words. Land colours are albedos lit here, so the
 * same forest is green at noon and a purple silhouette at dusk.
 */
public record Palette(
    int zenith,
    int middle,
    int horizon,
    int sun,
    int glow,
    int light,
    int ambient,
    int haze,
    double hazeStrength,
    Grade grade) {

  public static Palette of(SceneSpec spec) {
    var base = switch (spec.time()) {
      case DAWN ->
        new Palette(
            0x34508f,
            0x9a8fc0,
            0xffc09a,
            0xfff2dc,
            0xffb27a,
            0xffd2b0,
            0x5a6aa0,
            0xd8b0b4,
            0.7,
            spec.grade());
      case DAY ->
        new Palette(
            0x1f5fc4,
            0x5a9ae2,
            0xc6e2f6,
            0xfffdf4,
            0xfff0c8,
            0xfff6e6,
            0x7d9ccc,
            0xb4d0ec,
            0.65,
            spec.grade());
      case DUSK ->
        new Palette(
            0x1e1a4f,
            0x8a3e72,
            0xff9a48,
            0xffe2a0,
            0xff8a3a,
            0xffa468,
            0x4a3c74,
            0xc87a78,
            0.7,
            spec.grade());
      case NIGHT ->
        new Palette(
            0x02040e,
            0x0b1838,
            0x26406e,
            0xe8eeff,
            0x6f86c0,
            0x8098d0,
            0x22305a,
            0x2c4472,
            0.7,
            spec.grade());
    };
    if (spec.has(SceneSpec.Feature.NEON)) {
      base = base.neon();
    }
    return base.weathered(spec.weather(), spec.time());
  }

  /** City light under the clouds: a magenta glow at the horizon. */
  private Palette neon() {
    return new Palette(
        zenith,
        Rgb.mix(middle, 0x3a1a5e, 0.5),
        Rgb.mix(horizon, 0xa0307e, 0.55),
        sun,
        glow,
        light,
        ambient,
        Rgb.mix(haze, 0x5a2a6e, 0.5),
        hazeStrength,
        grade);
  }

  private Palette weathered(Weather weather, TimeOfDay time) {
    return switch (weather) {
      case RAIN -> greyed(time == TimeOfDay.NIGHT ? 0x141a26 : 0x5d6878, 0.6, 0.55);
      case FOG ->
        greyed(time == TimeOfDay.NIGHT ? 0x2a3040 : Rgb.mix(horizon, 0xdde2e6, 0.6), 0.55, 0.85);
      case SNOW -> greyed(time == TimeOfDay.NIGHT ? 0x1c2436 : 0xb9c6d6, 0.3, 0.65);
      case CLEAR -> this;
    };
  }

  private Palette greyed(int cloud, double amount, double hazeTo) {
    return new Palette(
        Rgb.mix(zenith, cloud, amount),
        Rgb.mix(middle, cloud, amount),
        Rgb.mix(horizon, cloud, amount * 0.8),
        sun,
        Rgb.mix(glow, cloud, amount),
        Rgb.scale(light, 1 - amount * 0.5),
        ambient,
        Rgb.mix(haze, cloud, amount),
        Math.max(hazeStrength, hazeTo),
        grade);
  }

  /** The graded sky colour at {@code height} above the horizon, 0 at the horizon, 1 at the top. */
  public int sky(double height) {
    double v = Math.clamp(height, 0, 1);
    int colour = v < 0.4
        ? Rgb.mix(horizon, middle, smooth(v / 0.4))
        : Rgb.mix(middle, zenith, smooth((v - 0.4) / 0.6));
    return grade.apply(colour);
  }

  /**
   * An albedo lit by the scene's light, {@code facing} 0 (turned away) to 1 (facing it), faded
   * into the haze by {@code distance} 0 (near) to 1 (horizon); graded.
   */
  public int land(int albedo, double facing, double distance) {
    double f = 0.15 + 0.85 * Math.clamp(facing, 0, 1);
    int lit = Rgb.of(
        channel(Rgb.red(albedo), Rgb.red(light) * f + Rgb.red(ambient) * 0.6),
        channel(Rgb.green(albedo), Rgb.green(light) * f + Rgb.green(ambient) * 0.6),
        channel(Rgb.blue(albedo), Rgb.blue(light) * f + Rgb.blue(ambient) * 0.6));
    double far = Math.clamp(distance, 0, 1);
    return grade.apply(Rgb.mix(lit, haze, hazeStrength * far * (0.85 + 0.15 * far)));
  }

  public int graded(int rgb) {
    return grade.apply(rgb);
  }

  private static int channel(int albedo, double light) {
    return (int) Math.round(albedo * Math.min(light, 280) / 255.0);
  }

  private static double smooth(double t) {
    return t * t * (3 - 2 * t);
  }
}
