package app.kinora.render.encode;

import java.util.Optional;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The planes with the Vector API (module {@code jdk.incubator.vector}), as many pixels at a time
 * as the processor's widest vectors hold: three to four times the scalar kernel's speed, for the
 * same bytes. Only for vectors of 256 bits or more; on narrower ones the JIT's own vectorising of
 * the scalar kernel is as good.
 */
final class VectorPlanes implements PlaneKernel {

  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
  /** As many bytes as {@link #INTS} has lanes, for narrowing a vector of ints. */
  private static final VectorSpecies<Byte> BYTES =
      VectorSpecies.of(byte.class, VectorShape.forBitSize(Math.max(64, INTS.vectorBitSize() / 4)));

  /** Every block's sums in order, from the interleaved halves of the long lanes. */
  private static final VectorShuffle<Integer> IN_ORDER = VectorShuffle.fromOp(
      INTS, i -> i < INTS.length() / 2 ? 2 * i : 2 * (i - INTS.length() / 2) + 1);

  private static final long RED_BLUE = 0x00ff00ff_00ff00ffL;
  private static final long GREEN = 0x0000ff00_0000ff00L;
  private static final long LOW = 0xffffffffL;
  private static final long HIGH = 0xffffffff_00000000L;

  private VectorPlanes() {}

  /** This kernel if the processor's vectors are wide enough for it to pay. */
  static Optional<PlaneKernel> ifWorthIt() {
    return INTS.vectorBitSize() >= 256 ? Optional.of(new VectorPlanes()) : Optional.empty();
  }

  @Override
  public void luma(int[] rgb, byte[] planes) {
    int step = INTS.length();
    int end = rgb.length - rgb.length % step;
    for (int i = 0; i < end; i += step) {
      var p = IntVector.fromArray(INTS, rgb, i);
      var red = p.lanewise(VectorOperators.LSHR, 16).and(0xff);
      var green = p.lanewise(VectorOperators.LSHR, 8).and(0xff);
      var blue = p.and(0xff);
      red.mul(Bt709.YR)
          .add(green.mul(Bt709.YG))
          .add(blue.mul(Bt709.YB))
          .add(32768)
          .lanewise(VectorOperators.LSHR, 16)
          .add(16)
          .convertShape(VectorOperators.I2B, BYTES, 0)
          .reinterpretAsBytes()
          .intoArray(planes, i);
    }
    ScalarPlanes.luma(rgb, planes, end);
  }

  /**
   * Per pair of rows, two vectors' worth of pixels at a time. Loaded as pairs of neighbours (long
   * lanes), red and blue are summed packed as in the scalar kernel, and each lane's halves (the
   * left and right pixel) folded, leaving one block's sums in the low half of each long lane. The
   * second vector's sums are moved to the high halves, so the ints hold every block, interleaved,
   * and one shuffle puts them in order. All in one method body and with one shape per lane type
   * (mixing shapes spoils the JIT's type profiles; a helper it does not inline turns vectors into
   * objects): either way the code runs ten times slower.
   */
  @Override
  public void chroma(int[] rgb, int width, int height, byte[] planes) {
    int blocks = INTS.length();
    int half = width >> 1;
    int end = half - half % blocks;
    int quarter = width * height / 4;
    for (int y = 0; y < height; y += 2) {
      int top = y * width;
      int bottom = top + width;
      int u = width * height + (y >> 1) * half;
      for (int x = 0; x < end; x += blocks) {
        var above = IntVector.fromArray(INTS, rgb, top + 2 * x).reinterpretAsLongs();
        var below = IntVector.fromArray(INTS, rgb, bottom + 2 * x).reinterpretAsLongs();
        var aboveNext = IntVector.fromArray(INTS, rgb, top + 2 * x + blocks).reinterpretAsLongs();
        var belowNext =
            IntVector.fromArray(INTS, rgb, bottom + 2 * x + blocks).reinterpretAsLongs();
        var redBlue = above.and(RED_BLUE).add(below.and(RED_BLUE));
        var redBlueNext = aboveNext.and(RED_BLUE).add(belowNext.and(RED_BLUE));
        var green = above.and(GREEN).add(below.and(GREEN));
        var greenNext = aboveNext.and(GREEN).add(belowNext.and(GREEN));
        var redBlueSums = redBlue
            .and(LOW)
            .add(redBlue.lanewise(VectorOperators.LSHR, 32))
            .or(redBlueNext.and(HIGH).add(redBlueNext.lanewise(VectorOperators.LSHL, 32)))
            .reinterpretAsInts()
            .rearrange(IN_ORDER);
        var greenSums = green
            .and(LOW)
            .add(green.lanewise(VectorOperators.LSHR, 32))
            .or(greenNext.and(HIGH).add(greenNext.lanewise(VectorOperators.LSHL, 32)))
            .reinterpretAsInts()
            .rearrange(IN_ORDER)
            .lanewise(VectorOperators.LSHR, 8);
        var red = redBlueSums.lanewise(VectorOperators.LSHR, 16);
        var blue = redBlueSums.and(0xffff);
        red.mul(Bt709.UR)
            .add(greenSums.mul(Bt709.UG))
            .add(blue.mul(Bt709.UB))
            .add(131072)
            .lanewise(VectorOperators.ASHR, 18)
            .add(128)
            .convertShape(VectorOperators.I2B, BYTES, 0)
            .reinterpretAsBytes()
            .intoArray(planes, u + x);
        red.mul(Bt709.VR)
            .add(greenSums.mul(Bt709.VG))
            .add(blue.mul(Bt709.VB))
            .add(131072)
            .lanewise(VectorOperators.ASHR, 18)
            .add(128)
            .convertShape(VectorOperators.I2B, BYTES, 0)
            .reinterpretAsBytes()
            .intoArray(planes, u + quarter + x);
      }
      ScalarPlanes.chromaRow(rgb, width, height, y, end, planes);
    }
  }

  @Override
  public String description() {
    return "vector, " + INTS.vectorBitSize() + " bits";
  }
}
