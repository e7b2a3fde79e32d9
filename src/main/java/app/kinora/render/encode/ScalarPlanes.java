package app.kinora.render.encode;

/**
 * The planes in plain Java, which the JIT partly turns into vector instructions by itself: the
 * kernel for JVMs started without the Vector API, and for the ends of rows the vector kernel's
 * lanes do not cover.
 */
final class ScalarPlanes implements PlaneKernel {

  private int[] wide = new int[0];

  /**
   * Luma in two simple loops, arithmetic into ints and then narrowing to bytes: split like this,
   * the JIT turns both into vector instructions, which it does not for the fused loop.
   */
  @Override
  public void luma(int[] rgb, byte[] planes) {
    if (wide.length != rgb.length) {
      wide = new int[rgb.length];
    }
    for (int i = 0; i < rgb.length; i++) {
      int p = rgb[i];
      wide[i] = 16
          + ((Bt709.YR * (p >>> 16) + Bt709.YG * ((p >>> 8) & 0xff) + Bt709.YB * (p & 0xff) + 32768)
              >>> 16);
    }
    for (int i = 0; i < rgb.length; i++) {
      planes[i] = (byte) wide[i];
    }
  }

  @Override
  public void chroma(int[] rgb, int width, int height, byte[] planes) {
    for (int y = 0; y < height; y += 2) {
      chromaRow(rgb, width, height, y, 0, planes);
    }
  }

  @Override
  public String description() {
    return "scalar";
  }

  /** Luma of the pixels from {@code from} on. */
  static void luma(int[] rgb, byte[] planes, int from) {
    for (int i = from; i < rgb.length; i++) {
      planes[i] = Bt709.luma(rgb[i]);
    }
  }

  /**
   * U and V of the blocks from {@code fromBlock} on in rows {@code y} and {@code y + 1}. Red and
   * blue of the four pixels are summed packed in one int (far enough apart not to carry), green
   * in another; one pass per pair of rows, which is faster here than summing columns first and
   * pairing them after.
   */
  static void chromaRow(int[] rgb, int width, int height, int y, int fromBlock, byte[] planes) {
    int half = width >> 1;
    int top = y * width;
    int bottom = top + width;
    int u = width * height + (y >> 1) * half;
    int v = u + width * height / 4;
    for (int x = fromBlock; x < half; x++) {
      int a = rgb[top + 2 * x];
      int b = rgb[top + 2 * x + 1];
      int c = rgb[bottom + 2 * x];
      int d = rgb[bottom + 2 * x + 1];
      int rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff);
      int g = ((a & 0xff00) + (b & 0xff00) + (c & 0xff00) + (d & 0xff00)) >>> 8;
      int r = rb >>> 16;
      int bl = rb & 0xffff;
      planes[u + x] = Bt709.u(r, g, bl);
      planes[v + x] = Bt709.v(r, g, bl);
    }
  }
}
