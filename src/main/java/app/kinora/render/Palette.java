package app.kinora.render;

import java.awt.Color;
import java.util.Locale;

/**
 * The colours and mood of a scene, read from the prompt: known words (sunset, night, ocean,
 * forest, desert, snow, neon, …) pick a setting, every other word nudges the hue, so two
 * different prompts never share a palette.
 */
record Palette(Color skyTop, Color skyHorizon, Color land, Color light, boolean night, double warmth) {

  static Palette of(String prompt, long seed) {
    var words = prompt.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+");
    var base = Setting.DUSK;
    long hash = seed;
    for (var word : words) {
      base = Setting.match(word).orElse(base);
      hash = hash * 31 + word.hashCode();
    }
    float shift = (float) ((hash & 0xffff) / 65535.0 - 0.5) * 0.12f;
    return new Palette(
        rotate(base.skyTop, shift),
        rotate(base.skyHorizon, shift),
        rotate(base.land, shift),
        base.light,
        base.night,
        base.warmth);
  }

  private static Color rotate(Color color, float shift) {
    var hsb = Color.RGBtoHSB(color.getRed(), color.getGreen(), color.getBlue(), null);
    return Color.getHSBColor((hsb[0] + shift + 1f) % 1f, hsb[1], hsb[2]);
  }

  private enum Setting {
    DUSK(0x2b2d6e, 0xf29e6d, 0x1d1b3a, 0xffe3b0, false, 0.7),
    SUNSET(0x3a1c5c, 0xff7e47, 0x24112e, 0xffc46b, false, 1.0),
    SUNRISE(0x5d8fd6, 0xffc59e, 0x3a4a5e, 0xfff1c9, false, 0.8),
    DAY(0x2f7fd8, 0xbfe3ff, 0x3f7a4a, 0xffffff, false, 0.5),
    NIGHT(0x050a1f, 0x1c2d5a, 0x070b16, 0xe8efff, true, 0.1),
    OCEAN(0x1a5fa8, 0x8fd3f2, 0x0b3b66, 0xffffff, false, 0.3),
    FOREST(0x3c6e71, 0xc9e4a6, 0x1f3b24, 0xfff6d5, false, 0.5),
    DESERT(0x4f86c6, 0xf5d6a0, 0xb9824a, 0xfff2cf, false, 0.9),
    SNOW(0x8aa9c9, 0xeef4fb, 0xdfe8f2, 0xffffff, false, 0.2),
    NEON(0x12002b, 0x7a1fa2, 0x0a0a1a, 0x39f3ff, true, 0.4),
    SPACE(0x000000, 0x140a2e, 0x05030c, 0xd9d2ff, true, 0.2),
    FIRE(0x2a0a05, 0xd9480f, 0x140402, 0xffb347, false, 1.0);

    private final Color skyTop;
    private final Color skyHorizon;
    private final Color land;
    private final Color light;
    private final boolean night;
    private final double warmth;

    Setting(int skyTop, int skyHorizon, int land, int light, boolean night, double warmth) {
      this.skyTop = new Color(skyTop);
      this.skyHorizon = new Color(skyHorizon);
      this.land = new Color(land);
      this.light = new Color(light);
      this.night = night;
      this.warmth = warmth;
    }

    static java.util.Optional<Setting> match(String word) {
      return java.util.Optional.ofNullable(
          switch (word) {
            case "sunset", "dusk", "golden" -> SUNSET;
            case "sunrise", "dawn", "morning" -> SUNRISE;
            case "day", "noon", "sunny", "sky", "meadow" -> DAY;
            case "night", "stars", "moon", "midnight" -> NIGHT;
            case "sea", "ocean", "beach", "waves", "underwater", "lake" -> OCEAN;
            case "forest", "jungle", "trees", "woods" -> FOREST;
            case "desert", "dunes", "sand", "canyon" -> DESERT;
            case "snow", "winter", "ice", "arctic" -> SNOW;
            case "neon", "cyberpunk", "city", "aurora" -> NEON;
            case "space", "galaxy", "nebula", "planet" -> SPACE;
            case "fire", "lava", "volcano", "flames" -> FIRE;
            default -> null;
          });
    }
  }
}
