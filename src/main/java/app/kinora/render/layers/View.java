package app.kinora.render.layers;

/**
 * Where the camera is in one frame, and how it maps each layer to the screen. A layer's depth
 * runs from 0 (the sky, infinitely far) to 1 (the nearest ground): the pan moves near layers more
 * than far ones (parallax), the dolly enlarges near layers more, the orbit moves near and far
 * layers in opposite directions around a middle depth, and the zoom scales all alike around the
 * focus point.
 *
 * @param time scene time in seconds, already slowed or sped up by the prompt's pace
 * @param progress 0 at the first frame, 1 at the end of the clip
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param focusX the point zooms scale around, horizontally
 * @param focusY the point zooms scale around, vertically (usually the horizon)
 * @param zoom scale of every layer
 * @param dolly extra scale of the nearest layer, fading out with distance
 * @param pan horizontal camera travel in pixels at depth 1
 * @param orbit sideways travel of an orbit in pixels, opposite for near and far layers
 */
public record View(
    double time,
    double progress,
    int width,
    int height,
    double focusX,
    double focusY,
    double zoom,
    double dolly,
    double pan,
    double orbit) {

  /** Depth around which an orbit turns: layers there stay put. */
  private static final double PIVOT = 0.45;

  double scale(double depth) {
    return zoom * (1 + dolly * depth * depth);
  }

  /**
   * How far the camera has moved sideways at this depth. Without zoom it is a whole number of
   * pixels, so a layer moves as an exact copy of itself, which the encoder matches cheaply.
   */
  public double shift(double depth) {
    double shift = pan * (0.03 + 0.97 * depth) + orbit * (depth - PIVOT);
    return scale(depth) == 1 ? Math.round(shift) : shift;
  }

  double screenX(double worldX, double depth) {
    return focusX + (worldX - focusX - shift(depth)) * scale(depth);
  }

  double worldX(double screenX, double depth) {
    return focusX + shift(depth) + (screenX - focusX) / scale(depth);
  }

  double screenY(double worldY, double depth) {
    return focusY + (worldY - focusY) * scale(depth);
  }

  double worldY(double screenY, double depth) {
    return focusY + (screenY - focusY) / scale(depth);
  }

  /** The shorter side: sizes are measured in it, so portrait and landscape frames look alike. */
  int unit() {
    return Math.min(width, height);
  }
}
