package app.kinora.render.layers;

/**
 * What a {@link Terrain} works out per screen column for one frame: where the outline crosses
 * it, its tone and snow line, and for peaks the faces below it (where each starts, where its
 * ridge line and its snow are), so that filling a column takes few calculations per pixel.
 */
final class Columns {

  final int segments;
  final float[] tops;
  final int[] low;
  final int[] high;
  final int[] tone;
  final int[] cap;
  final int[] segment;
  final float[] snow;
  final float[] ridge;
  final float[] crest;
  final float[] slant;
  final float[] curve;

  Columns(int width, int segments) {
    this.segments = segments;
    this.tops = new float[width + 1];
    this.low = new int[width];
    this.high = new int[width];
    this.tone = new int[width];
    this.cap = new int[width];
    this.segment = new int[width * segments];
    this.snow = new float[width * segments];
    this.ridge = new float[width * segments];
    this.crest = new float[width * segments];
    this.slant = new float[width * segments];
    this.curve = new float[width * segments];
  }

  /**
   * The faces under column x, face k from screen row {@code segment}: a pixel at world y, {@code
   * d = y - crest} below the crest, lies {@code ridge + d * (slant + curve * d)} pixels left of
   * the face's ridge line (right when negative), and is snow when it is above the world row
   * {@code snow} by more than that distance (snow reaches further down along ridges).
   */
  void faces(int x, Profile profile, double worldX, View view, double depth, double base) {
    var faces = profile.faces();
    int i = profile.index(worldX) * segments;
    double fraction = worldX - Math.floor(worldX);
    for (int k = 0; k < segments; k++) {
      int j = x * segments + k;
      float start = faces.start()[i + k];
      segment[j] = k == 0
          ? Integer.MIN_VALUE
          : start == -Float.MAX_VALUE ? Integer.MAX_VALUE : (int) view.screenY(base - start, depth);
      ridge[j] = (float) (faces.ridge()[i + k] - fraction);
      crest[j] = (float) (base - faces.crest()[i + k]);
      slant[j] = faces.slant()[i + k];
      curve[j] = faces.curve()[i + k];
      float line = faces.snow()[i + k];
      snow[j] = line == Float.MAX_VALUE ? -Float.MAX_VALUE : (float) (base - line);
    }
  }

  /** How much of pixel (x, y) lies below the outline, 0..256, from four samples across it. */
  int coverage(int x, int y) {
    float a = tops[x];
    float step = (tops[x + 1] - a) * 0.25f;
    float sum = 0;
    for (int i = 0; i < 4; i++) {
      sum += Math.clamp(y + 1 - (a + step * (i + 0.5f)), 0f, 1f);
    }
    return (int) (sum * 64);
  }
}
