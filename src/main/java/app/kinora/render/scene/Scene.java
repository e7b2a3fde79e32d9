package app.kinora.render.scene;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.layers.Caption;
import app.kinora.render.layers.Layer;
import app.kinora.render.layers.Layout;
import app.kinora.render.layers.Palette;
import app.kinora.render.layers.Scenery;
import app.kinora.render.prompt.PromptReader;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.shared.VideoSize;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A prompt made into an animated scene: read into a {@link SceneSpec}, composed into layers once,
 * then drawn frame by frame through the {@link Camera}. Everything random comes from the seed and
 * the prompt, and a frame depends only on its time, so the same inputs draw the same frames.
 */
public final class Scene {

  private final SceneSpec spec;
  private final Camera camera;
  private final List<Layer> layers;
  private final Canvas canvas;
  private final int[][] floors;

  public Scene(String prompt, long seed, VideoSize size, boolean showCaption) {
    this.spec = PromptReader.read(prompt);
    var layout = Layout.of(spec, size.width(), size.height());
    var random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ spec.variation());
    double sunX = size.width() * (0.22 + 0.56 * random.nextDouble());
    var scenery = new Scenery(spec, layout, Palette.of(spec), random, sunX);
    this.layers = new ArrayList<>(Composer.layers(scenery));
    if (showCaption) {
      layers.add(Caption.of(prompt, size.width(), size.height()));
    }
    this.camera = new Camera(spec, layout);
    this.canvas = new Canvas(size.width(), size.height());
    this.floors = new int[layers.size()][size.width()];
  }

  public SceneSpec spec() {
    return spec;
  }

  /**
   * Draws the frame {@code seconds} into the clip, {@code progress} (0..1) of the way through.
   * Each layer learns from the ones in front of it which rows they will cover and skips them.
   */
  public Canvas draw(double seconds, double progress) {
    var view = camera.at(seconds, progress);
    var floor = new int[canvas.width];
    Arrays.fill(floor, canvas.height);
    for (int i = layers.size() - 1; i >= 0; i--) {
      System.arraycopy(floor, 0, floors[i], 0, floor.length);
      layers.get(i).prepare(view);
      layers.get(i).cover(floor);
    }
    for (int i = 0; i < layers.size(); i++) {
      layers.get(i).paint(canvas, view, floors[i]);
    }
    return canvas;
  }
}
