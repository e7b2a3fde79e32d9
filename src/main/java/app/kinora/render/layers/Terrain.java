package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import java.util.Arrays;

/**
 * A layer of land whose outline is a height profile: mountains, hills, dunes, a forest, coral,
 * buildings. Each frame it maps every screen column through the camera to its world x and
 * height, then fills each column from the outline down to where nearer layers take over,
 * anti-aliasing the edge by how much of each pixel lies under it. A pixel's colour comes from a
 * table by tone and world row: the tone is the column's (by its slope, or from the profile) or,
 * for peaks, that of the side of the face the pixel is on ({@link Faces}).
 */
public final class Terrain implements Layer {

  private static final double SLOPE_SPAN = 6;

  private final Profile profile;
  private final Profile snowline;
  private final double depth;
  private final double base;
  private final Shading shading;
  private final double light;
  private final Columns columns;
  private final int[] rows;

  /**
   * @param snowline heights above {@code base} from which the caps colour shows, or null
   * @param depth 0 (horizon) to 1 (nearest)
   * @param base the world y the heights stand on
   * @param light how strongly slopes pick the tone, signed by the side the light comes from
   *     (positive: from the left); 0 to take tones from the profile
   */
  public Terrain(
      Profile profile,
      Profile snowline,
      double depth,
      double base,
      Shading shading,
      double light,
      int width,
      int height) {
    this.profile = profile;
    this.snowline = snowline;
    this.depth = depth;
    this.base = base;
    this.shading = shading;
    this.light = light;
    this.columns =
        new Columns(width, profile.faces() == null ? 1 : profile.faces().segments());
    this.rows = new int[height];
  }

  public double depth() {
    return depth;
  }

  public double base() {
    return base;
  }

  /** The world y of the ground's surface at a world x, to stand things on. */
  public double surfaceAt(double worldX) {
    return base - profile.at(worldX);
  }

  @Override
  public void prepare(View view) {
    var c = columns;
    for (int x = 0; x < c.tops.length; x++) {
      c.tops[x] = (float) view.screenY(base - profile.at(view.worldX(x, depth)), depth);
    }
    for (int x = 0; x < c.low.length; x++) {
      c.low[x] = (int) Math.floor(Math.min(c.tops[x], c.tops[x + 1]));
      c.high[x] = (int) Math.ceil(Math.max(c.tops[x], c.tops[x + 1]));
      double worldX = view.worldX(x + 0.5, depth);
      if (profile.faces() != null) {
        c.faces(x, profile, worldX, view, depth, base);
      } else {
        c.tone[x] = toneAt(worldX) * shading.rows();
        c.cap[x] = snowline == null
            ? Integer.MIN_VALUE
            : (int) view.screenY(base - snowline.at(worldX), depth);
      }
    }
    for (int y = 0; y < rows.length; y++) {
      rows[y] = (int) Math.clamp(view.worldY(y + 0.5, depth), 0, shading.rows() - 1);
    }
  }

  @Override
  public void cover(int[] floor) {
    for (int x = 0; x < floor.length; x++) {
      floor[x] = Math.min(floor[x], Math.max(0, columns.high[x]));
    }
  }

  /** The tone of a column: from the profile, or from its slope smoothed over a few pixels. */
  private int toneAt(double worldX) {
    int tones = shading.tones();
    if (light == 0) {
      return Math.min(profile.toneAt(worldX), tones - 1);
    }
    double rise =
        (profile.at(worldX + SLOPE_SPAN) - profile.at(worldX - SLOPE_SPAN)) / (2 * SLOPE_SPAN);
    return (int) Math.clamp(Math.round((tones - 1) * (0.5 + 2 * rise * light)), 0, tones - 1);
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    var c = columns;
    int width = canvas.width;
    int height = canvas.height;
    if (profile.faces() != null) {
      var faces = new Faces(c, shading, light >= 0, view, depth, rows);
      for (int x = 0; x < width; x++) {
        int end = Math.min(floor[x], height);
        int top = Math.max(0, c.low[x]);
        if (top < end) {
          faces.fill(canvas.pixels, width, x, top, end, Math.clamp(c.high[x], top, end));
        }
      }
      return;
    }
    int x = 0;
    while (x < width) {
      int end = Math.min(floor[x], height);
      int top = Math.max(0, c.low[x]);
      if (top >= end) {
        x++;
        continue;
      }
      int solid = Math.clamp(c.high[x], top, end);
      int capped = Math.clamp(c.cap[x], solid, end);
      edge(canvas.pixels, width, x, top, solid);
      int next = x + 1;
      while (next < width && sameBody(next, floor, height, c.tone[x], solid, capped, end)) {
        edge(canvas.pixels, width, next, Math.max(0, c.low[next]), solid);
        next++;
      }
      body(canvas.pixels, width, x, next, solid, capped, end);
      x = next;
    }
  }

  /**
   * Whether column x's opaque rows are those of the run being filled: the same tone, from the
   * same row to the same row, with the snow line in the same place.
   */
  private boolean sameBody(
      int x, int[] floor, int height, int tone, int solid, int capped, int end) {
    var c = columns;
    if (c.tone[x] != tone || Math.min(floor[x], height) != end) {
      return false;
    }
    int top = Math.max(0, c.low[x]);
    return top < end
        && Math.clamp(c.high[x], top, end) == solid
        && Math.clamp(c.cap[x], solid, end) == capped;
  }

  /** Rows {@code top} to {@code solid} of column x: the outline, blended over what is behind. */
  private void edge(int[] pixels, int width, int x, int top, int solid) {
    var c = columns;
    int[] body = shading.body();
    int[] caps = shading.cap() == null ? body : shading.cap();
    int tone = c.tone[x];
    int cap = c.cap[x];
    for (int y = top, i = top * width + x; y < solid; y++, i += width) {
      int colour = (y < cap ? caps : body)[tone + rows[y]];
      pixels[i] = Rgb.blend(pixels[i], colour, c.coverage(x, y));
    }
  }

  /**
   * The opaque rows of columns {@code from} to {@code to}, which share them (a building's
   * facade, a flat stretch): snow cap, then body, filled row by row. Runs of equal columns are
   * what makes a skyline cheap; a run of one column is the same work as filling it down.
   */
  private void body(int[] pixels, int width, int from, int to, int solid, int capped, int end) {
    int[] body = shading.body();
    int[] caps = shading.cap() == null ? body : shading.cap();
    int tone = columns.tone[from];
    if (to - from == 1) {
      int i = solid * width + from;
      for (int y = solid; y < capped; y++, i += width) {
        pixels[i] = caps[tone + rows[y]];
      }
      for (int y = capped; y < end; y++, i += width) {
        pixels[i] = body[tone + rows[y]];
      }
      return;
    }
    for (int y = solid; y < end; y++) {
      int row = y * width;
      Arrays.fill(pixels, row + from, row + to, (y < capped ? caps : body)[tone + rows[y]]);
    }
  }
}
