package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;

/**
 * One stratum of a scene, drawn back to front. An opaque layer tells, per column, from which row
 * down it hides everything behind it, so the layers behind skip those pixels: each pixel is
 * painted about once, not once per layer.
 */
public interface Layer {

  /** Gets ready for the frame: works out what the layer looks like through this view. */
  default void prepare(View view) {}

  /** Lowers {@code floor[x]} to the first row from which this layer hides column x, if it does. */
  default void cover(int[] floor) {}

  /**
   * Paints the frame; pixels at or below {@code floor[x]} in column x will be covered by nearer
   * layers and need not be painted.
   */
  void paint(Canvas canvas, View view, int[] floor);

  /** The first row from which every column is covered. */
  static int deepest(int[] floor) {
    int deepest = 0;
    for (int row : floor) {
      deepest = Math.max(deepest, row);
    }
    return deepest;
  }
}
