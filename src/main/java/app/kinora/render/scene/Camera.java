package app.kinora.render.scene;

import app.kinora.render.layers.Layout;
import app.kinora.render.layers.View;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.prompt.SceneSpec.Move;

/**
 * Turns the prompt's camera words into a {@link View} per frame. Every scene drifts a little so
 * nothing is ever a still picture (unless the prompt asks for a static shot); pan, zoom, dolly,
 * orbit, aerial and close-up add their moves on top, and slow motion slows everything.
 */
final class Camera {

  private final SceneSpec spec;
  private final Layout layout;
  private final double direction;
  private final double speed;

  Camera(SceneSpec spec, Layout layout) {
    this.spec = spec;
    this.layout = layout;
    this.direction = (spec.variation() & 1) == 0 ? 1 : -1;
    this.speed = spec.pace() * (spec.has(Move.SLOW_MOTION) ? 0.35 : 1);
  }

  /** Scene time in seconds after {@code seconds} of video: slow motion and pace stretch it. */
  double sceneTime(double seconds) {
    return seconds * speed;
  }

  View at(double seconds, double progress) {
    double time = sceneTime(seconds);
    double unit = layout.unit();
    double ease = progress * progress * (3 - 2 * progress);
    return new View(
        time,
        progress,
        layout.width(),
        layout.height(),
        layout.width() / 2.0,
        layout.focusY(),
        zoom(ease),
        dolly(ease),
        direction * unit * panSpeed() * time,
        spec.has(Move.ORBIT) ? direction * unit * 0.4 * (ease * 2 - 1) : 0);
  }

  private double zoom(double ease) {
    double zoom = spec.has(Move.CLOSE_UP) ? 1.5 : 1;
    if (spec.has(Move.ZOOM_IN)) {
      zoom *= 1 + 0.3 * ease;
    } else if (spec.has(Move.ZOOM_OUT)) {
      zoom *= 1.3 - 0.3 * ease;
    }
    return zoom;
  }

  private double dolly(double ease) {
    return spec.has(Move.DOLLY) ? 0.5 * ease : 0;
  }

  /** Travel per second in units of the frame's shorter side, at the nearest depth. */
  private double panSpeed() {
    if (spec.has(Move.STILL)) {
      return 0;
    }
    if (spec.has(Move.AERIAL)) {
      return 0.14;
    }
    return spec.has(Move.PAN) ? 0.09 : 0.025;
  }
}
