package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;

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
  /** Per column, for {@link #fillRows}: first row filled, row after the last, first opaque row. */
  private final int[] starts;

  private final int[] ends;
  private final int[] solids;

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
    this.starts = new int[width];
    this.ends = new int[width];
    this.solids = new int[width];
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
    if (profile.faces() == null) {
      fillRows(canvas, floor);
      return;
    }
    var c = columns;
    int width = canvas.width;
    var faces = new Faces(c, shading, light >= 0, view, depth, rows);
    for (int x = 0; x < width; x++) {
      int end = Math.min(floor[x], canvas.height);
      int top = Math.max(0, c.low[x]);
      if (top < end) {
        faces.fill(canvas.pixels, width, x, top, end, Math.clamp(c.high[x], top, end));
      }
    }
  }

  /**
   * Fills every column from its outline down to {@code floor}, blending the anti-aliased edge
   * over what is behind. Row by row rather than column by column: a frame is several megabytes,
   * and walking it down columns touched a new cache line at every pixel (this was the renderer's
   * hottest loop). Each pixel depends only on its own column and row, so the order changes
   * nothing in the picture.
   */
  private void fillRows(Canvas canvas, int[] floor) {
    var c = columns;
    int width = canvas.width;
    int[] pixels = canvas.pixels;
    int[] body = shading.body();
    int[] caps = shading.cap() == null ? body : shading.cap();
    int first = canvas.height;
    int last = 0;
    for (int x = 0; x < width; x++) {
      int end = Math.min(floor[x], canvas.height);
      int top = Math.max(0, c.low[x]);
      starts[x] = top;
      ends[x] = end;
      if (top < end) {
        solids[x] = Math.clamp(c.high[x], top, end);
        first = Math.min(first, top);
        last = Math.max(last, end);
      }
    }
    for (int y = first; y < last; y++) {
      int row = rows[y];
      for (int x = 0, i = y * width; x < width; x++, i++) {
        if (y < starts[x] || y >= ends[x]) {
          continue;
        }
        int colour = (y < c.cap[x] ? caps : body)[c.tone[x] + row];
        pixels[i] = y >= solids[x] ? colour : Rgb.blend(pixels[i], colour, c.coverage(x, y));
      }
    }
  }
}
