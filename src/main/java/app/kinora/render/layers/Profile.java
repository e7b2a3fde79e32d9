package app.kinora.render.layers;

/**
 * The outline of a terrain layer: its height above the layer's base line at every world pixel,
 * repeating after {@code heights.length} pixels so the camera can travel any distance. {@code
 * tones} optionally gives each pixel's colour index (which building, which coral); {@code faces}
 * optionally splits the body into a left and a right face below each peak, for light and shade.
 */
public record Profile(float[] heights, byte[] tones, Faces faces) {

  /**
   * Per world pixel, the faces below the outline, {@code segments} of them one under the other
   * (index {@code pixel * segments + k}): face k begins {@code start} pixels above the base (the
   * first at the outline) and belongs to a peak {@code ridge} pixels to the right, {@code crest}
   * tall, whose ridge line moves {@code slant} pixels sideways per pixel it descends, plus {@code
   * curve} times the square of the descent (a curved crest line, as on a dune); left of that line
   * is the face's left side. Snow covers the face above {@code snow} pixels.
   */
  public record Faces(
      int segments,
      float[] start,
      float[] ridge,
      float[] crest,
      float[] slant,
      float[] curve,
      float[] snow) {}

  public Profile(float[] heights, byte[] tones) {
    this(heights, tones, null);
  }

  int period() {
    return heights.length;
  }

  /** Height at a world x, interpolated between pixels so zoomed outlines stay smooth. */
  double at(double x) {
    int n = heights.length;
    double wrapped = x - Math.floor(x / n) * n;
    int i = Math.min((int) wrapped, n - 1);
    double f = wrapped - i;
    return heights[i] * (1 - f) + heights[i + 1 == n ? 0 : i + 1] * f;
  }

  /** The index of the world pixel at x, wrapped into the period. */
  int index(double x) {
    return (int) Math.floorMod((long) Math.floor(x), heights.length);
  }

  int toneAt(double x) {
    return tones == null ? 0 : tones[index(x)];
  }

  /** The same outline moved up by {@code by} pixels, e.g. to make a snow line from hills. */
  public Profile lifted(double by) {
    var lifted = heights.clone();
    for (int i = 0; i < lifted.length; i++) {
      lifted[i] += (float) by;
    }
    return new Profile(lifted, tones, faces);
  }

  public double highest() {
    float max = 0;
    for (float h : heights) {
      max = Math.max(max, h);
    }
    return max;
  }
}
