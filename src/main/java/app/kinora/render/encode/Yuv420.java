package app.kinora.render.encode;

import app.kinora.render.canvas.Canvas;
import java.nio.ByteBuffer;

/**
 * Converts a frame to the encoder's pixel format, planar YUV 4:2:0 with BT.709 coefficients in
 * limited range (the colours the MP4 is tagged with), in integer arithmetic. Doing it here rather
 * than in FFmpeg keeps the conversion on the drawing side, off the encoder's critical path.
 */
public final class Yuv420 {

  private static final int[] Y = coefficients(0.2126, 0.7152, 0.0722, 219);
  private static final int[] U = coefficients(-0.2126 / 1.8556, -0.7152 / 1.8556, 0.5, 224);
  private static final int[] V = coefficients(0.5, -0.7152 / 1.5748, -0.0722 / 1.5748, 224);

  private final int width;
  private final int height;
  private final byte[] planes;
  private final int[] wide;

  public Yuv420(int width, int height) {
    this.width = width;
    this.height = height;
    this.planes = new byte[width * height * 3 / 2];
    this.wide = new int[width * height];
  }

  /** Fills {@code target} (a direct buffer of {@code width * height * 3 / 2} bytes) from the canvas. */
  public void convert(Canvas canvas, ByteBuffer target) {
    luma(canvas.pixels);
    chroma(canvas.pixels);
    target.clear();
    target.put(planes);
    target.flip();
  }

  /**
   * Luma in two simple loops, arithmetic into ints and then narrowing to bytes: split like this,
   * the JIT turns both into vector instructions, which it does not for the fused loop.
   */
  private void luma(int[] rgb) {
    int yr = Y[0];
    int yg = Y[1];
    int yb = Y[2];
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      wide[i] = 16 + ((yr * (p >>> 16) + yg * ((p >>> 8) & 0xff) + yb * (p & 0xff) + 32768) >>> 16);
    }
    for (int i = 0; i < rgb.length; i++) {
      planes[i] = (byte) wide[i];
    }
  }

  /**
   * Each 2x2 block's mean colour becomes one U and one V sample: first each column's two rows
   * are summed (red and blue packed in one int, far enough apart not to carry), then pairs of
   * columns.
   */
  private void chroma(int[] rgb) {
    int half = width >> 1;
    int u = width * height;
    int v = u + u / 4;
    int[] redBlue = new int[width];
    int[] green = new int[width];
    for (int y = 0; y < height; y += 2) {
      int top = y * width;
      for (int x = 0; x < width; x++) {
        int a = rgb[top + x];
        int b = rgb[top + width + x];
        redBlue[x] = (a & 0xff00ff) + (b & 0xff00ff);
        green[x] = ((a >>> 8) & 0xff) + ((b >>> 8) & 0xff);
      }
      int out = (y >> 1) * half;
      for (int x = 0; x < half; x++) {
        int rb = redBlue[2 * x] + redBlue[2 * x + 1];
        int r = rb >>> 16;
        int g = green[2 * x] + green[2 * x + 1];
        int b = rb & 0xffff;
        planes[u + out + x] = (byte) (128 + ((U[0] * r + U[1] * g + U[2] * b + 131072) >> 18));
        planes[v + out + x] = (byte) (128 + ((V[0] * r + V[1] * g + V[2] * b + 131072) >> 18));
      }
    }
  }

  /** Fixed-point (16.16) weights of R, G and B scaled from full range to {@code range} levels. */
  private static int[] coefficients(double r, double g, double b, int range) {
    double scale = range / 255.0 * 65536;
    return new int[] {(int) Math.round(r * scale), (int) Math.round(g * scale), (int) Math.round(b * scale)};
  }
}
