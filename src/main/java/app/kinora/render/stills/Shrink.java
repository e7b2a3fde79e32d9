package app.kinora.render.stills;

import java.util.Arrays;

/**
 * Makes a smaller copy of packed RGB pixels by area averaging: each pixel of the copy is the
 * mean of the part of the picture it covers, fractions of pixels at its edges counted by how
 * much of them it covers. Rows first, then columns, in fixed-point integer arithmetic.
 */
final class Shrink {

  private static final int ONE = 1 << 16;

  private Shrink() {}

  /**
   * Shrinks the {@code width × height} picture to {@code toWidth × toHeight} and writes it into
   * {@code target}, whose rows are {@code stride} pixels long, from {@code offset} on.
   */
  static void into(
      int[] pixels,
      int width,
      int height,
      int toWidth,
      int toHeight,
      int[] target,
      int offset,
      int stride) {
    if (width == toWidth && height == toHeight) {
      for (int y = 0; y < height; y++) {
        System.arraycopy(pixels, y * width, target, offset + y * stride, width);
      }
      return;
    }
    var rows = Weights.of(height, toHeight);
    var columns = Weights.of(width, toWidth);
    var red = new int[width];
    var green = new int[width];
    var blue = new int[width];
    for (int y = 0; y < toHeight; y++) {
      Arrays.fill(red, 0);
      Arrays.fill(green, 0);
      Arrays.fill(blue, 0);
      for (int k = rows.first[y]; k < rows.first[y + 1]; k++) {
        int weight = rows.weight[k];
        int row = rows.source[k] * width;
        for (int x = 0; x < width; x++) {
          int p = pixels[row + x];
          red[x] += (p >>> 16 & 0xff) * weight;
          green[x] += (p >>> 8 & 0xff) * weight;
          blue[x] += (p & 0xff) * weight;
        }
      }
      int out = offset + y * stride;
      for (int x = 0; x < toWidth; x++) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int k = columns.first[x]; k < columns.first[x + 1]; k++) {
          int weight = columns.weight[k];
          int column = columns.source[k];
          r += (long) red[column] * weight;
          g += (long) green[column] * weight;
          b += (long) blue[column] * weight;
        }
        target[out + x] = channel(r) << 16 | channel(g) << 8 | channel(b);
      }
    }
  }

  private static int channel(long sum) {
    return (int) Math.min(255, (sum + ((long) ONE * ONE >> 1)) / ((long) ONE * ONE));
  }

  /**
   * For each pixel of the smaller side, the source pixels it covers ({@code source[k]} for k from
   * {@code first[i]} to {@code first[i + 1]}) and how much each counts; the weights of one pixel
   * add up to exactly {@link #ONE}.
   */
  private record Weights(int[] first, int[] source, int[] weight) {

    static Weights of(int from, int to) {
      double scale = from / (double) to;
      int[] first = new int[to + 1];
      int[] source = new int[from + 2 * to];
      int[] weight = new int[source.length];
      int k = 0;
      for (int i = 0; i < to; i++) {
        first[i] = k;
        double start = i * scale;
        double end = Math.min(from, (i + 1) * scale);
        int left = ONE;
        for (int s = (int) start; s < end; s++) {
          double covered = Math.min(end, s + 1) - Math.max(start, s);
          int w = s + 1 >= end ? left : (int) Math.round(covered / scale * ONE);
          source[k] = s;
          weight[k++] = Math.min(w, left);
          left -= weight[k - 1];
        }
      }
      first[to] = k;
      return new Weights(first, source, weight);
    }
  }
}
