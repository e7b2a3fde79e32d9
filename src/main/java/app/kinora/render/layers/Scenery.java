package app.kinora.render.layers;

import app.kinora.render.prompt.SceneSpec;
import java.util.SplittableRandom;

/**
 * What the composers share while building a scene's layers: the description, the frame layout,
 * the palette, the seeded random source, and where the sun is.
 *
 * @param sunX world x of the sun or moon
 */
public record Scenery(
    SceneSpec spec, Layout layout, Palette palette, SplittableRandom random, double sunX) {

  public boolean lightFromLeft() {
    return sunX < layout.width() / 2.0;
  }

  public int width() {
    return layout.width();
  }

  public int height() {
    return layout.height();
  }

  public double horizon() {
    return layout.horizon();
  }

  public double unit() {
    return layout.unit();
  }

  /** The period of terrain outlines: long enough that a pan rarely shows a repeat. */
  public int period() {
    return Math.max(layout.width(), layout.height()) * 6;
  }

  /** A random source for one part of the scene, split from the scene's own. */
  public SplittableRandom fork() {
    return random.split();
  }
}
