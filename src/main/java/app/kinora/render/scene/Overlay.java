package app.kinora.render.scene;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.layers.Caption;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Layout;
import app.kinora.render.layers.Palette;
import app.kinora.render.layers.Scenery;
import app.kinora.render.layers.View;
import app.kinora.render.prompt.PromptReader;
import app.kinora.shared.VideoSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The prompt's weather, lights and creatures (and its caption) drawn over frames that come from
 * elsewhere — a reference picture in motion or a reference clip. The picture moves by itself, so
 * the overlay is seen through a still camera; scene time still runs at the prompt's pace.
 */
public final class Overlay {

  private final List<Layer> layers;
  private final boolean weather;
  private final Camera camera;
  private final int width;
  private final int height;
  private final int[] floor;

  public Overlay(String prompt, long seed, VideoSize size, boolean showCaption) {
    var spec = PromptReader.read(prompt);
    this.width = size.width();
    this.height = size.height();
    var layout = Layout.of(spec, width, height);
    var random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ spec.variation());
    var scenery = new Scenery(
        spec, layout, Palette.of(spec), random, width * (0.22 + 0.56 * random.nextDouble()));
    this.layers = new ArrayList<>(Composer.overlays(scenery));
    this.weather = !layers.isEmpty();
    if (showCaption) {
      layers.add(Caption.of(prompt, width, height));
    }
    this.camera = new Camera(spec, layout);
    this.floor = new int[width];
  }

  /** Whether the prompt brings anything of its own into the air (rain, snow, fireflies, birds…). */
  public boolean hasWeather() {
    return weather;
  }

  /** Paints the overlay over {@code canvas} as it is {@code seconds} into the clip. */
  public void paint(Canvas canvas, double seconds, double progress) {
    var moving = camera.at(seconds, progress);
    var still =
        new View(moving.time(), progress, width, height, width / 2.0, moving.focusY(), 1, 0, 0, 0);
    for (var layer : layers) {
      Arrays.fill(floor, height);
      layer.prepare(still);
      layer.paint(canvas, still, floor);
    }
  }
}
