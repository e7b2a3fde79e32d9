package app.kinora.render.layers;

import app.kinora.render.canvas.Rgb;

/**
 * Fills columns of a peaked terrain for one frame: below the outline, a pixel belongs to one of
 * the column's faces (a nearer peak takes over below its flank), lies left or right of that
 * face's ridge line (lit or shaded, blended across the line so it stays smooth), and is snow
 * where it is high enough and close enough to the ridge.
 */
final class Faces {

  private final Columns columns;
  private final int[] body;
  private final int[] caps;
  private final int leftFace;
  private final int rightFace;
  private final double scale;
  private final double worldY0;
  private final double worldStep;
  private final int[] rows;

  Faces(
      Columns columns,
      Shading shading,
      boolean lightFromLeft,
      View view,
      double depth,
      int[] rows) {
    this.columns = columns;
    this.body = shading.body();
    this.caps = shading.cap() == null ? body : shading.cap();
    int brightest = (shading.tones() - 1) * shading.rows();
    this.leftFace = lightFromLeft ? brightest : 0;
    this.rightFace = brightest - leftFace;
    this.scale = view.scale(depth);
    this.worldY0 = view.worldY(0.5, depth);
    this.worldStep = view.worldY(1.5, depth) - worldY0;
    this.rows = rows;
  }

  /** Fills column x from {@code top} to {@code end}, blending over what is behind above {@code solid}. */
  void fill(int[] pixels, int width, int x, int top, int end, int solid) {
    var c = columns;
    int first = x * c.segments;
    int y = top;
    for (int j = first; j < first + c.segments && y < end; j++) {
      int next = j + 1 < first + c.segments ? Math.clamp(c.segment[j + 1], y, end) : end;
      if (next > y) {
        run(pixels, width, x, j, y, next, solid);
        y = next;
      }
    }
  }

  /**
   * Rows {@code from} to {@code to} of column x, all on face j. Distance to the ridge line and
   * height above the snow line change by fixed steps from row to row (the distance's step itself
   * changing by a fixed amount on a curved ridge), so they are updated by addition. On a straight
   * ridge line both change linearly, so after the blended top edge the run splits into a few
   * stretches of one colour table and side each, found by solving rather than testing each pixel.
   */
  private void run(int[] pixels, int width, int x, int j, int from, int to, int solid) {
    var c = columns;
    double worldY = worldY0 + worldStep * from;
    double d = worldY - c.crest[j];
    double slant = c.slant[j];
    double curve = c.curve[j];
    double across = c.ridge[j] + d * (slant + curve * d);
    double step = worldStep * (slant + curve * (2 * d + worldStep));
    double bend = 2 * curve * worldStep * worldStep;
    double snow = c.snow[j] - worldY;
    int edge = curve == 0 ? Math.min(to, Math.max(from, solid)) : to;
    for (int y = from, i = from * width + x; y < edge; y++, i += width) {
      int colour = colour(across, snow, rows[y]);
      pixels[i] = y >= solid ? colour : Rgb.blend(pixels[i], colour, c.coverage(x, y));
      across += step;
      step += bend;
      snow -= worldStep;
    }
    if (edge < to) {
      straight(pixels, width, x, edge, to, across, step, snow);
    }
  }

  /** Rows {@code from} to {@code to} below a straight ridge line, as stretches of one colour rule. */
  private void straight(
      int[] pixels, int width, int x, int from, int to, double across, double step, double snow) {
    int n = to - from;
    int snowy = snowRows(n, across, step, snow);
    double left = 0.5 / scale;
    int enterBlend =
        step > 0 ? firstAbove(across, step, -left, n) : firstBelow(across, step, left, n);
    int leaveBlend = step > 0
        ? firstAbove(across, step, left - 1e-9, n)
        : firstBelow(across, step, -left + 1e-9, n);
    int first = Math.min(snowy, Math.min(enterBlend, leaveBlend));
    int third = Math.max(snowy, Math.max(enterBlend, leaveBlend));
    int second = snowy + enterBlend + leaveBlend - first - third;
    int t = 0;
    for (int end : new int[] {first, second, third, n}) {
      if (end > t) {
        stretch(pixels, width, x, from, t, end, across, step, snow);
        t = end;
      }
    }
  }

  /** Rows {@code from + t0} to {@code from + t1}, which share one table and one side (or blend). */
  private void stretch(
      int[] pixels,
      int width,
      int x,
      int from,
      int t0,
      int t1,
      double across,
      double step,
      double snow) {
    double a = across + step * t0;
    double side = a * scale;
    int[] table = snow - worldStep * t0 - Math.abs(a) * 0.6 > 0 ? caps : body;
    int i = (from + t0) * width + x;
    if (side >= 0.5 || side <= -0.5) {
      int offset = side >= 0.5 ? leftFace : rightFace;
      for (int y = from + t0; y < from + t1; y++, i += width) {
        pixels[i] = table[offset + rows[y]];
      }
    } else {
      for (int y = from + t0; y < from + t1; y++, i += width, a += step) {
        int row = rows[y];
        int mix = (int) Math.clamp((a * scale + 0.5) * 256, 0, 256);
        pixels[i] = Rgb.blend(table[rightFace + row], table[leftFace + row], mix);
      }
    }
  }

  /** How many rows from the start are snow: snow ends once, as the height falls faster than the distance grows. */
  private int snowRows(int n, double across, double step, double snow) {
    int low = 0;
    int high = n;
    while (low < high) {
      int t = (low + high) >>> 1;
      if (snow - worldStep * t - Math.abs(across + step * t) * 0.6 > 0) {
        low = t + 1;
      } else {
        high = t;
      }
    }
    return low;
  }

  /** The first t in 0..n with {@code a + step * t > limit}, for a rising line. */
  private static int firstAbove(double a, double step, double limit, int n) {
    double t = Math.floor((limit - a) / step) + 1;
    return (int) Math.clamp(t, 0, n);
  }

  /** The first t in 0..n with {@code a + step * t < limit}, for a falling or flat line. */
  private static int firstBelow(double a, double step, double limit, int n) {
    if (step == 0) {
      return a < limit ? 0 : n;
    }
    double t = Math.floor((limit - a) / step) + 1;
    return (int) Math.clamp(t, 0, n);
  }

  private int colour(double across, double snow, int row) {
    int[] table = snow - Math.abs(across) * 0.6 > 0 ? caps : body;
    double side = across * scale;
    return side >= 0.5
        ? table[leftFace + row]
        : side <= -0.5
            ? table[rightFace + row]
            : Rgb.blend(table[rightFace + row], table[leftFace + row], (int) ((side + 0.5) * 256));
  }
}
