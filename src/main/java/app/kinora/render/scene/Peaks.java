package app.kinora.render.scene;

import app.kinora.render.canvas.Noise;
import app.kinora.render.layers.Profile;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Outlines built from peaks that stand in front of or behind each other: mountain ranges
 * (straight, roughened flanks) and dunes (a long, rounded windward slope and a steep slip face).
 * Each peak has a ridge line running down from its top, dividing a left face from a right one;
 * where a nearer peak's flank crosses a farther one, the nearer takes over, so faces meet along
 * slanted lines as in a low-poly landscape. Below each column of the outline lie up to {@link
 * #SEGMENTS} such faces, one under the other.
 */
final class Peaks {

  static final int SEGMENTS = 4;
  private static final int CANDIDATES = 16;

  /** One peak: where, how tall, how far each flank runs, how its ridge leans, how near it is. */
  private record Peak(
      double centre,
      double tall,
      double left,
      double right,
      double lean,
      double curve,
      double near) {}

  private Peaks() {}

  /**
   * Mountains: peaks of varied height, roughened with ridged noise; snow covers the top {@code
   * snow} fraction of each (0 for none). Flanks go on {@code below} pixels under the base line
   * (down to the bottom of the frame), so that faces meet in slanted lines all the way down.
   */
  static Profile mountains(
      SplittableRandom random,
      int period,
      double height,
      double spacing,
      double snow,
      double below) {
    var peaks = new ArrayList<Peak>();
    for (double x = 0; x < period; x += spacing * (0.35 + random.nextDouble() * 0.8)) {
      double tall = height * (0.3 + 0.7 * random.nextDouble());
      double left = Math.max(tall * (0.6 + random.nextDouble()), spacing * 0.9);
      double right = Math.max(tall * (0.6 + random.nextDouble()), spacing * 0.9);
      peaks.add(new Peak(
          x, tall, left, right, (random.nextDouble() - 0.5) * 0.9, 0, random.nextDouble()));
    }
    var detail = Noise.fractal(random, period, (int) (period / spacing * 4), 4, true);
    var jag = Noise.fractal(random, period, (int) (period / spacing * 6), 3, true);
    return build(peaks, period, height, below, false, detail, 0.08, snow, jag);
  }

  /** Dunes: rounded crests whose slip faces turn away from the light, as wind-blown dunes do. */
  static Profile dunes(
      SplittableRandom random,
      int period,
      double height,
      double spacing,
      boolean lightFromLeft,
      double below) {
    var peaks = new ArrayList<Peak>();
    for (double x = 0; x < period; x += spacing * (0.4 + random.nextDouble() * 0.6)) {
      double tall = height * (0.45 + 0.55 * random.nextDouble());
      double windward = spacing * (0.7 + 0.5 * random.nextDouble());
      double slip = tall * (0.9 + 0.4 * random.nextDouble());
      double sweep = lightFromLeft ? -1 : 1;
      peaks.add(new Peak(
          x,
          tall,
          lightFromLeft ? windward : slip,
          lightFromLeft ? slip : windward,
          0.25 * sweep,
          sweep * (1.2 + random.nextDouble()) / tall,
          random.nextDouble()));
    }
    return build(peaks, period, height, below, true, null, 0, 0, null);
  }

  /** Per world column, the peaks whose flanks reach it ({@code peak}) and their height there ({@code level}). */
  private record Candidates(int[] found, int[] peak, float[] level) {}

  private static Profile build(
      List<Peak> peaks,
      int period,
      double height,
      double below,
      boolean dunes,
      float[] detail,
      double roughness,
      double snow,
      float[] jag) {
    var candidates = candidates(peaks, period, below, dunes);
    var heights = new float[period];
    int size = period * SEGMENTS;
    var faces = new Profile.Faces(
        SEGMENTS,
        new float[size],
        new float[size],
        new float[size],
        new float[size],
        new float[size],
        new float[size]);
    Arrays.fill(faces.start(), -Float.MAX_VALUE);
    Arrays.fill(faces.snow(), Float.MAX_VALUE);
    for (int i = 0; i < period; i++) {
      int found = candidates.found()[i];
      sortByLevel(candidates.peak(), candidates.level(), i * CANDIDATES, found);
      double rough = detail == null ? 0 : (detail[i] - 0.5) * height * roughness;
      double top = found == 0 ? 0 : Math.max(0, candidates.level()[i * CANDIDATES]);
      heights[i] = (float) Math.max(height * 0.03, top + rough);
      segments(
          peaks,
          faces,
          i,
          candidates.peak(),
          candidates.level(),
          found,
          snow,
          jag == null ? 0 : (jag[i] - 0.5) * height * 0.12);
    }
    return new Profile(heights, null, faces);
  }

  /** Each peak's flanks, continued {@code below} pixels under the base, put it on the columns they cross. */
  private static Candidates candidates(List<Peak> peaks, int period, double below, boolean dunes) {
    var found = new int[period];
    var candidate = new int[period * CANDIDATES];
    var level = new float[period * CANDIDATES];
    for (int p = 0; p < peaks.size(); p++) {
      var peak = peaks.get(p);
      double roots = 1 + Math.max(0, below) / peak.tall();
      for (int dx = (int) (-peak.left() * roots);
          dx <= peak.right() * roots && dx < period / 2;
          dx++) {
        int i = Math.floorMod((int) peak.centre() + dx, period);
        double run = dx < 0 ? -dx / peak.left() : dx / peak.right();
        double h =
            peak.tall() * (dunes ? dune(run, dx < 0 == peak.left() > peak.right()) : 1 - run);
        if (found[i] < CANDIDATES) {
          candidate[i * CANDIDATES + found[i]] = p;
          level[i * CANDIDATES + found[i]++] = (float) h;
        }
      }
    }
    return new Candidates(found, candidate, level);
  }

  /** Walks down column {@code i}: a new face starts wherever a nearer peak's flank is crossed. */
  private static void segments(
      List<Peak> peaks,
      Profile.Faces faces,
      int i,
      int[] candidate,
      float[] level,
      int found,
      double snow,
      double jag) {
    int segment = 0;
    double nearest = -1;
    for (int c = 0; c < found && segment < SEGMENTS; c++) {
      var peak = peaks.get(candidate[i * CANDIDATES + c]);
      if (peak.near() <= nearest) {
        continue;
      }
      nearest = peak.near();
      int j = i * SEGMENTS + segment++;
      faces.start()[j] = segment == 1 ? Float.MAX_VALUE : level[i * CANDIDATES + c];
      int period = faces.ridge().length / SEGMENTS;
      faces.ridge()[j] = Math.floorMod((int) peak.centre() - i + period / 2, period) - period / 2;
      faces.crest()[j] = (float) peak.tall();
      faces.slant()[j] = (float) peak.lean();
      faces.curve()[j] = (float) peak.curve();
      faces.snow()[j] = snow > 0 ? (float) (peak.tall() * (1 - snow) + jag) : Float.MAX_VALUE;
    }
  }

  private static void sortByLevel(int[] candidate, float[] level, int from, int count) {
    for (int a = from + 1; a < from + count; a++) {
      for (int b = a; b > from && level[b] > level[b - 1]; b--) {
        float l = level[b];
        level[b] = level[b - 1];
        level[b - 1] = l;
        int c = candidate[b];
        candidate[b] = candidate[b - 1];
        candidate[b - 1] = c;
      }
    }
  }

  /** A dune's shape at {@code run} (0 at the crest, 1 at the foot): a long tail on the windward side. */
  private static double dune(double run, boolean windward) {
    if (run >= 1) {
      return 1 - run;
    }
    return windward ? 1 - run * run * (3 - 2 * run) : 1 - run;
  }
}
