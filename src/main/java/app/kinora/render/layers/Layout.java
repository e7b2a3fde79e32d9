package app.kinora.render.layers;

import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.Move;

/**
 * Where things sit in the frame: the horizon is lower for a normal shot and high for an aerial
 * one (more ground below), and a close-up scales around a point in the foreground.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param horizon the horizon's height from the top, in pixels
 * @param focusY the height zooms scale around
 */
public record Layout(int width, int height, double horizon, double focusY) {

  public static Layout of(SceneSpec spec, int width, int height) {
    double horizon = height * (spec.has(Move.AERIAL) ? 0.38 : 0.6);
    double focus = spec.has(Move.CLOSE_UP) ? height * 0.72 : horizon;
    return new Layout(width, height, horizon, focus);
  }

  public int unit() {
    return Math.min(width, height);
  }
}
