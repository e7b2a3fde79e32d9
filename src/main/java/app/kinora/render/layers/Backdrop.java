package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import java.util.Arrays;

/**
 * A full-frame picture painted once per video (a sky with its glow, a nebula, the blue of deep
 * water) and copied into each frame through the camera. With no zoom a frame is a row-by-row
 * array copy; zooming picks the nearest source pixel, which is invisible on soft gradients.
 */
public final class Backdrop implements Layer {

  private final int[] image;
  private final int width;
  private final int height;
  private final double depth;
  private final int[] columns;
  private boolean unscaled;
  private int offset;

  public Backdrop(int[] image, int width, int height, double depth) {
    this.image = image;
    this.width = width;
    this.height = height;
    this.depth = depth;
    this.columns = new int[width];
  }

  @Override
  public void prepare(View view) {
    unscaled = view.scale(depth) == 1;
    offset = (int) Math.round(view.worldX(0, depth));
    if (!unscaled) {
      for (int x = 0; x < width; x++) {
        columns[x] = Math.clamp((int) view.worldX(x + 0.5, depth), 0, width - 1);
      }
    }
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    int end = Math.min(Layer.deepest(floor), height);
    int[] pixels = canvas.pixels;
    for (int y = 0; y < end; y++) {
      int source = Math.clamp((int) view.worldY(y + 0.5, depth), 0, height - 1) * width;
      int target = y * width;
      if (unscaled) {
        copyShifted(pixels, source, target);
      } else {
        for (int x = 0; x < width; x++) {
          pixels[target + x] = image[source + columns[x]];
        }
      }
    }
  }

  /** Copies a row moved by the pan, repeating the edge pixel where the picture ends. */
  private void copyShifted(int[] pixels, int source, int target) {
    int shift = Math.clamp(offset, -width, width);
    if (shift >= 0) {
      System.arraycopy(image, source + shift, pixels, target, width - shift);
      Arrays.fill(pixels, target + width - shift, target + width, image[source + width - 1]);
    } else {
      System.arraycopy(image, source, pixels, target - shift, width + shift);
      Arrays.fill(pixels, target, target - shift, image[source]);
    }
  }
}
