package app.kinora.render.sound;

/**
 * A sine wave from a table, for sound: tens of thousands of samples per second need something
 * cheaper than {@link StrictMath#sin}, and a table filled from it gives the same result on every
 * machine, which {@link Math#sin} does not promise.
 */
final class Sine {

  private static final int SIZE = 4096;
  private static final double[] TABLE = new double[SIZE + 1];

  static {
    for (int i = 0; i <= SIZE; i++) {
      TABLE[i] = StrictMath.sin(2 * Math.PI * i / SIZE);
    }
  }

  private Sine() {}

  /** The sine of {@code cycles} whole turns (1 is 2π), interpolated between table entries. */
  static double of(double cycles) {
    double position = (cycles - Math.floor(cycles)) * SIZE;
    int i = (int) position;
    double f = position - i;
    return TABLE[i] + (TABLE[i + 1] - TABLE[i]) * f;
  }
}
