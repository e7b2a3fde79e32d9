package app.kinora.render.layers;

import java.util.function.IntBinaryOperator;

/**
 * The colours of a terrain layer, worked out once per video: for each tone (a slope's lighting
 * or a kind of coral) and each world row, the body colour and the colour of its caps (snow).
 * Drawing then only looks colours up.
 *
 * @param tones how many tones there are
 * @param rows world rows covered, one per pixel of the frame's height
 * @param body body colours, tone-major
 * @param cap cap colours, tone-major, or null when the layer has no caps
 */
public record Shading(int tones, int rows, int[] body, int[] cap) {

  /** Colours from {@code body} and {@code cap}, functions of (tone, world row); cap may be null. */
  public static Shading of(int tones, int rows, IntBinaryOperator body, IntBinaryOperator cap) {
    return new Shading(
        tones, rows, table(tones, rows, body), cap == null ? null : table(tones, rows, cap));
  }

  private static int[] table(int tones, int rows, IntBinaryOperator colour) {
    var table = new int[tones * rows];
    for (int tone = 0; tone < tones; tone++) {
      for (int row = 0; row < rows; row++) {
        table[tone * rows + row] = colour.applyAsInt(tone, row);
      }
    }
    return table;
  }
}
