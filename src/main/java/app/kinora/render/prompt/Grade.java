package app.kinora.render.prompt;

import app.kinora.render.canvas.Rgb;
import java.awt.Color;

/**
 * The colour mood of a scene: how warm, bright, saturated and soft it is, an optional tint
 * towards a named colour, and a small hue shift that the prompt's unknown words add.
 *
 * @param warmth -1 (cold, blue) to 1 (warm, orange)
 * @param brightness a multiplier around 1
 * @param saturation a multiplier around 1; 0 is black and white
 * @param softness 0 (crisp) to 1 (dreamy: low contrast, more haze and glow)
 * @param tintHue the hue (0..1) to tint towards, or a negative number for none
 * @param tintAmount how far to tint, 0..1
 * @param hueShift a rotation of every hue, a few hundredths at most
 */
public record Grade(
    double warmth,
    double brightness,
    double saturation,
    double softness,
    double tintHue,
    double tintAmount,
    double hueShift) {

  static final Grade NEUTRAL = new Grade(0, 1, 1, 0, -1, 0, 0);

  /**
   * Applies the grade to one colour of the palette (never per pixel: colours are graded once).
   * Tints and warmth mix towards a colour of the same brightness rather than turning the hue, so
   * a blue sky made golden turns warm grey, not green.
   */
  public int apply(int rgb) {
    float[] hsb = Color.RGBtoHSB(Rgb.red(rgb), Rgb.green(rgb), Rgb.blue(rgb), null);
    double saturationOut = Math.clamp(hsb[1] * saturation * (1 - 0.2 * softness), 0, 1);
    double brightnessOut = Math.clamp(hsb[2] * brightness, 0, 1);
    int graded = Rgb.hsb(hsb[0] + hueShift, saturationOut, brightnessOut);
    if (tintHue >= 0 && tintAmount > 0) {
      graded = Rgb.mix(
          graded,
          Rgb.hsb(tintHue, 0.65 * saturation, Math.max(0.15, brightnessOut)),
          tintAmount * 0.6);
    }
    if (warmth != 0) {
      int towards = Rgb.hsb(warmth > 0 ? 0.08 : 0.6, 0.6, Math.max(0.15, brightnessOut));
      graded = Rgb.mix(graded, towards, Math.abs(warmth) * 0.2);
    }
    return softness > 0 ? Rgb.mix(graded, 0xc8c0d8, 0.15 * softness) : graded;
  }

  Grade warmer(double amount) {
    return new Grade(
        Math.clamp(warmth + amount, -1, 1),
        brightness,
        saturation,
        softness,
        tintHue,
        tintAmount,
        hueShift);
  }

  Grade brighter(double factor) {
    return new Grade(
        warmth, brightness * factor, saturation, softness, tintHue, tintAmount, hueShift);
  }

  Grade saturated(double factor) {
    return new Grade(
        warmth, brightness, saturation * factor, softness, tintHue, tintAmount, hueShift);
  }

  Grade softer(double amount) {
    return new Grade(
        warmth,
        brightness,
        saturation,
        Math.clamp(softness + amount, 0, 1),
        tintHue,
        tintAmount,
        hueShift);
  }

  Grade tinted(double hue, double amount) {
    return new Grade(warmth, brightness, saturation, softness, hue, amount, hueShift);
  }

  Grade shifted(double amount) {
    return new Grade(
        warmth, brightness, saturation, softness, tintHue, tintAmount, hueShift + amount);
  }
}
