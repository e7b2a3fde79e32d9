package app.kinora.render.encode;

/**
 * Fills the planes of one frame, laid out as the encoder takes them: {@code width * height} luma
 * bytes, then a quarter as many U and as many V. Every kernel gives the same bytes.
 */
interface PlaneKernel {

  /** Luma of each pixel of {@code rgb} into the start of {@code planes}. */
  void luma(int[] rgb, byte[] planes);

  /** U and V of each 2x2 block of {@code rgb} into their places in {@code planes}. */
  void chroma(int[] rgb, int width, int height, byte[] planes);

  /** Says which kernel this is, for the renderer's health details. */
  String description();
}
