package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.canvas.Sprite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A row of buildings: a terrain layer whose outline is made of rooftops and antennas, with
 * windows drawn over it. At night some windows are lit, a few switch on and off, and with neon
 * the nearest buildings carry glowing signs.
 */
public final class Skyline implements Layer {

  /** One building, in world pixels: from {@code left} to {@code right}, {@code roof} tall. */
  record Building(double left, double right, double roof, long seed) {}

  private final Terrain silhouette;
  private final List<Building> buildings;
  private final int period;
  private final double depth;
  private final double base;
  private final double cell;
  private final double lit;
  private final int[] windowColours;
  private final int[] signColours;
  /** Glows of signs by size, made when first needed; their light is tinted when drawn. */
  private final Map<Long, Sprite> glows = new HashMap<>();

  public Skyline(
      Terrain silhouette,
      List<Building> buildings,
      int period,
      double depth,
      double base,
      double cell,
      double lit,
      int[] windowColours,
      int[] signColours) {
    this.silhouette = silhouette;
    this.buildings = List.copyOf(buildings);
    this.period = period;
    this.depth = depth;
    this.base = base;
    this.cell = cell;
    this.lit = lit;
    this.windowColours = windowColours;
    this.signColours = signColours;
  }

  /** Buildings and the outline they make, with a setback or an antenna on some roofs. */
  public static List<Building> buildings(
      SplittableRandom random, int period, double height, double unit) {
    var buildings = new ArrayList<Building>();
    double x = 0;
    while (x < period - unit * 0.05) {
      double w = Math.min(unit * (0.05 + random.nextDouble() * 0.09), period - x);
      double roof = height
          * (0.3 + 0.7 * random.nextDouble() * random.nextDouble() + 0.15 * random.nextDouble());
      buildings.add(new Building(x, x + w, roof, random.nextLong()));
      x += w + (random.nextDouble() < 0.3 ? unit * 0.01 * random.nextDouble() : 0);
    }
    return buildings;
  }

  /** The rooftops; tones say which of four shades of facade each building has. */
  public static Profile outline(List<Building> buildings, int period) {
    var heights = new float[period];
    var tones = new byte[period];
    for (var b : buildings) {
      double setback = (b.seed() & 3) == 0 ? (b.right() - b.left()) * 0.2 : 0;
      for (int x = (int) b.left(); x < b.right() && x < period; x++) {
        boolean upper = x >= b.left() + setback && x < b.right() - setback;
        heights[x] = (float) (upper ? b.roof() : b.roof() * 0.85);
        tones[x] = (byte) ((b.seed() >>> 40) & 3);
      }
      if ((b.seed() & 28) == 0) {
        int mast = (int) ((b.left() + b.right()) / 2);
        for (int x = mast - 1; x <= mast + 1 && x < period; x++) {
          heights[Math.max(0, x)] = (float) (b.roof() * 1.25);
        }
      }
    }
    return new Profile(heights, tones);
  }

  @Override
  public void prepare(View view) {
    silhouette.prepare(view);
  }

  @Override
  public void cover(int[] floor) {
    silhouette.cover(floor);
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    silhouette.paint(canvas, view, floor);
    double from = view.worldX(0, depth);
    double to = view.worldX(canvas.width, depth);
    for (long lap = (long) Math.floor(from / period); lap * period <= to; lap++) {
      for (var b : buildings) {
        double left = b.left() + lap * period;
        if (left + (b.right() - b.left()) >= from && left <= to) {
          windows(canvas, view, b, left, floor);
        }
      }
    }
  }

  /** The building's windows in a grid, the lit ones filled; and its sign, if it has one. */
  private void windows(Canvas canvas, View view, Building b, double left, int[] floor) {
    double width = b.right() - b.left();
    int columns = Math.max(1, (int) ((width - cell) / cell));
    int rows = (int) (b.roof() * 0.8 / (cell * 1.4));
    double margin = (width - columns * cell) / 2;
    double scale = view.scale(depth);
    int size = Math.max(1, (int) (cell * 0.5 * scale));
    int tall = Math.max(1, (int) (cell * 0.7 * scale));
    long switching = (long) Math.floor(view.time() / 3);
    for (int row = 0; row < rows; row++) {
      int sy = (int) view.screenY(base - b.roof() * 0.8 + row * cell * 1.4 + cell * 0.4, depth);
      for (int column = 0; column < columns; column++) {
        long h = mix(b.seed() + row * 131L + column);
        int sx = (int) view.screenX(left + margin + column * cell + cell * 0.25, depth);
        if (shines(h, switching) && sx >= 0 && sx < floor.length && sy + tall <= floor[sx]) {
          canvas.fillRect(
              sx, sy, size, tall, windowColours[(int) ((h >>> 12) % windowColours.length)]);
        }
      }
    }
    if (signColours.length > 0 && (b.seed() & 0x300) == 0) {
      sign(canvas, view, b, left, floor);
    }
  }

  /** Whether window {@code h} is lit: a share of them are, and now and then one switches. */
  private boolean shines(long h, long switching) {
    boolean on = (h & 1023) < lit * 1024;
    boolean switched = (mix(h + switching) & 63) == 0;
    return on != switched;
  }

  /** A vertical neon sign down one side of the building, in a soft glow of its colour. */
  private void sign(Canvas canvas, View view, Building b, double left, int[] floor) {
    int colour = signColours[(int) ((b.seed() >>> 20) % signColours.length)];
    double scale = view.scale(depth);
    int sx = (int) view.screenX(left + (b.right() - b.left()) * 0.12, depth);
    int sy = (int) view.screenY(base - b.roof() * 0.75, depth);
    int w = Math.max(2, (int) (cell * 0.8 * scale));
    int h = Math.max(w, (int) (b.roof() * 0.35 * scale));
    if (sx < 0 || sx >= floor.length || sy + h > floor[sx]) {
      return;
    }
    int tall = h - h % 4;
    if (glows.size() > 64) {
      glows.clear();
    }
    var glow = glows.computeIfAbsent((long) w << 32 | tall, key -> Sprite.halo(w, tall, w * 6.0));
    canvas.addLight(glow, sx + w / 2, sy + h / 2, 256, colour);
    for (int y = sy; y < sy + h; y++) {
      canvas.fillRow(y, sx, sx + w, Rgb.mix(colour, 0xffffff, 0.35));
    }
  }

  private static long mix(long value) {
    long z = value * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    return z ^ (z >>> 31);
  }
}
