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
   * Each 2x2 block's mean colour becomes one U and one V sample. Red and blue of the four pixels
   * are summed packed in one int (far enough apart not to carry), green in another; one pass per
   * pair of rows, which is faster here than summing columns first and pairing them after.
   */
  private void chroma(int[] rgb) {
    int half = width >> 1;
    int u = width * height;
    int v = u + u / 4;
    int u0 = U[0];
    int u1 = U[1];
    int u2 = U[2];
    int v0 = V[0];
    int v1 = V[1];
    int v2 = V[2];
    for (int y = 0; y < height; y += 2) {
      int top = y * width;
      int bottom = top + width;
      int out = (y >> 1) * half;
      for (int x = 0; x < half; x++) {
        int a = rgb[top + 2 * x];
        int b = rgb[top + 2 * x + 1];
        int c = rgb[bottom + 2 * x];
        int d = rgb[bottom + 2 * x + 1];
        int rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff);
        int g = ((a & 0xff00) + (b & 0xff00) + (c & 0xff00) + (d & 0xff00)) >>> 8;
        int r = rb >>> 16;
        int bl = rb & 0xffff;
        planes[u + out + x] = (byte) (128 + ((u0 * r + u1 * g + u2 * bl + 131072) >> 18));
        planes[v + out + x] = (byte) (128 + ((v0 * r + v1 * g + v2 * bl + 131072) >> 18));
      }
    }
  }

  /** Fixed-point (16.16) weights of R, G and B scaled from full range to {@code range} levels. */
  private static int[] coefficients(double r, double g, double b, int range) {
    double scale = range / 255.0 * 65536;
    return new int[] {
      (int) Math.round(r * scale), (int) Math.round(g * scale), (int) Math.round(b * scale)
    };
  }
}
