package app.kinora.render.canvas;

import java.util.Arrays;

/**
 * The frame being drawn: packed RGB pixels, row after row, with the few operations the layers
 * need. Everything works on horizontal spans and small sprites, never full-frame alpha
 * composites, which is what keeps drawing cheaper than encoding. Fixed-point integer arithmetic
 * throughout, so a frame is the same on every machine.
 */
public final class Canvas {

  public final int width;
  public final int height;
  public final int[] pixels;

  public Canvas(int width, int height) {
    this.width = width;
    this.height = height;
    this.pixels = new int[width * height];
  }

  public void fillRow(int y, int from, int to, int rgb) {
    int x0 = Math.max(0, from);
    int x1 = Math.min(width, to);
    if (y >= 0 && y < height && x0 < x1) {
      Arrays.fill(pixels, y * width + x0, y * width + x1, rgb);
    }
  }

  public void fillRect(int x, int y, int w, int h, int rgb) {
    for (int row = y; row < y + h; row++) {
      fillRow(row, x, x + w, rgb);
    }
  }

  /** Adds light to the span. */
  public void addRow(int y, int from, int to, int rgb) {
    int x0 = Math.max(0, from);
    int x1 = Math.min(width, to);
    if (y < 0 || y >= height) {
      return;
    }
    for (int i = y * width + x0, end = y * width + x1; i < end; i++) {
      pixels[i] = Rgb.add(pixels[i], rgb);
    }
  }

  public void blend(int x, int y, int rgb, int alpha) {
    if (x >= 0 && y >= 0 && x < width && y < height && alpha > 0) {
      int i = y * width + x;
      pixels[i] = Rgb.blend(pixels[i], rgb, Math.min(alpha, 256));
    }
  }

  public void add(int x, int y, int rgb) {
    if (x >= 0 && y >= 0 && x < width && y < height) {
      int i = y * width + x;
      pixels[i] = Rgb.add(pixels[i], rgb);
    }
  }

  /** Adds a light sprite centred on (x, y), its intensity scaled by {@code gain} in 0..256. */
  public void addLight(Sprite sprite, int x, int y, int gain) {
    int left = x - sprite.width() / 2;
    int top = y - sprite.height() / 2;
    int x0 = Math.max(0, -left);
    int x1 = Math.min(sprite.width(), width - left);
    int y0 = Math.max(0, -top);
    int y1 = Math.min(sprite.height(), height - top);
    var light = sprite.pixels();
    for (int sy = y0; sy < y1; sy++) {
      int row = (top + sy) * width + left;
      int srow = sy * sprite.width();
      if (gain >= 256) {
        for (int sx = x0; sx < x1; sx++) {
          pixels[row + sx] = Rgb.add(pixels[row + sx], light[srow + sx]);
        }
      } else {
        for (int sx = x0; sx < x1; sx++) {
          int s = light[srow + sx];
          s = ((((s >> 16) & 0xff) * gain) >> 8) << 16
              | ((((s >> 8) & 0xff) * gain) >> 8) << 8
              | ((s & 0xff) * gain) >> 8;
          pixels[row + sx] = Rgb.add(pixels[row + sx], s);
        }
      }
    }
  }

  /** Adds a grey light sprite tinted with {@code rgb}, centred on (x, y), scaled by {@code gain}. */
  public void addLight(Sprite sprite, int x, int y, int gain, int rgb) {
    int left = x - sprite.width() / 2;
    int top = y - sprite.height() / 2;
    int x0 = Math.max(0, -left);
    int x1 = Math.min(sprite.width(), width - left);
    int red = Rgb.red(rgb) * gain >> 8;
    int green = Rgb.green(rgb) * gain >> 8;
    int blue = Rgb.blue(rgb) * gain >> 8;
    var levels = sprite.pixels();
    for (int sy = Math.max(0, -top); sy < Math.min(sprite.height(), height - top); sy++) {
      int row = (top + sy) * width + left;
      int srow = sy * sprite.width();
      // No test for dark sprite pixels: adding nothing changes nothing, and without a branch
      // the JIT can vectorise the loop.
      for (int sx = x0; sx < x1; sx++) {
        int level = levels[srow + sx] & 0xff;
        int light = (red * level >> 8) << 16 | (green * level >> 8) << 8 | blue * level >> 8;
        pixels[row + sx] = Rgb.add(pixels[row + sx], light);
      }
    }
  }

  /** Draws a sprite with its own alpha (ARGB) with its top left corner at (x, y). */
  public void drawOver(Sprite sprite, int left, int top) {
    int x0 = Math.max(0, -left);
    int x1 = Math.min(sprite.width(), width - left);
    int y0 = Math.max(0, -top);
    int y1 = Math.min(sprite.height(), height - top);
    var argb = sprite.pixels();
    for (int sy = y0; sy < y1; sy++) {
      int row = (top + sy) * width + left;
      int srow = sy * sprite.width();
      for (int sx = x0; sx < x1; sx++) {
        int s = argb[srow + sx];
        int alpha = s >>> 24;
        if (alpha != 0) {
          pixels[row + sx] = Rgb.blend(pixels[row + sx], s, alpha + (alpha >> 7));
        }
      }
    }
  }
}
