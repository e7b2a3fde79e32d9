package app.kinora.render.encode;

/**
 * BT.709 in limited range as 16.16 fixed-point weights of red, green and blue, the one set of
 * numbers both plane kernels use, so they give the same bytes.
 */
final class Bt709 {

  static final int YR = weight(0.2126, 219);
  static final int YG = weight(0.7152, 219);
  static final int YB = weight(0.0722, 219);
  static final int UR = weight(-0.2126 / 1.8556, 224);
  static final int UG = weight(-0.7152 / 1.8556, 224);
  static final int UB = weight(0.5, 224);
  static final int VR = weight(0.5, 224);
  static final int VG = weight(-0.7152 / 1.5748, 224);
  static final int VB = weight(-0.0722 / 1.5748, 224);

  private Bt709() {}

  /** One pixel's luma, from its packed RGB. */
  static byte luma(int rgb) {
    return (byte)
        (16 + ((YR * (rgb >>> 16) + YG * ((rgb >>> 8) & 0xff) + YB * (rgb & 0xff) + 32768) >>> 16));
  }

  /** U from the sums of red, green and blue over a 2x2 block (the mean, rounded, scaled). */
  static byte u(int red, int green, int blue) {
    return (byte) (128 + ((UR * red + UG * green + UB * blue + 131072) >> 18));
  }

  /** V from the sums of red, green and blue over a 2x2 block. */
  static byte v(int red, int green, int blue) {
    return (byte) (128 + ((VR * red + VG * green + VB * blue + 131072) >> 18));
  }

  /** A full-range weight scaled to {@code range} levels, in 16.16 fixed point. */
  private static int weight(double value, int range) {
    return (int) Math.round(value * range / 255.0 * 65536);
  }
}
