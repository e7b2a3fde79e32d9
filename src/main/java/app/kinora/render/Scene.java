package app.kinora.render;

import app.kinora.shared.VideoSize;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A procedural landscape drawn frame by frame: a lit sky, a drifting sun or moon, three ridges
 * scrolling at parallax speeds, floating particles and the prompt as a caption. Everything random
 * comes from the seed and the prompt, so the same inputs draw the same frames.
 */
final class Scene {

  private static final int RIDGES = 3;
  private static final int PARTICLES = 90;

  private final String caption;
  private final Palette palette;
  private final int width;
  private final int height;
  private final double[][] ridgeWaves = new double[RIDGES][6];
  private final double[][] particles = new double[PARTICLES][4];
  private final double sunX;
  private final BufferedImage canvas;
  private final BufferedImage sky;

  Scene(String prompt, long seed, VideoSize size, boolean showCaption) {
    this.caption = showCaption ? prompt.strip() : "";
    this.palette = Palette.of(prompt, seed);
    this.width = size.width();
    this.height = size.height();
    this.canvas = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    var random = new SplittableRandom(seed ^ prompt.hashCode() * 0x9E3779B97F4A7C15L);
    for (var wave : ridgeWaves) {
      for (int i = 0; i < wave.length; i++) {
        wave[i] = random.nextDouble();
      }
    }
    for (var particle : particles) {
      particle[0] = random.nextDouble();
      particle[1] = random.nextDouble();
      particle[2] = 0.5 + random.nextDouble() * 2.5;
      particle[3] = random.nextDouble() * Math.PI * 2;
    }
    this.sunX = 0.2 + random.nextDouble() * 0.6;
    this.sky = paintSky();
  }

  Palette palette() {
    return palette;
  }

  /** Draws the frame at {@code progress} (0..1) of the clip, {@code seconds} after its start. */
  BufferedImage draw(double progress, double seconds) {
    return draw(progress, seconds, null);
  }

  /**
   * Draws the frame; with a {@code backdrop} (a reference image or clip) that replaces the sky
   * and terrain, and the prompt's palette only tints it, under the particles and the caption.
   */
  BufferedImage draw(double progress, double seconds, Consumer<Graphics2D> backdrop) {
    var g = canvas.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      if (backdrop == null) {
        g.drawImage(sky, 0, 0, null);
        drawLight(g, progress);
        for (int layer = 0; layer < RIDGES; layer++) {
          drawRidge(g, layer, seconds);
        }
      } else {
        backdrop.accept(g);
        tint(g, Math.min(1, seconds));
      }
      drawParticles(g, seconds);
      drawCaption(g);
    } finally {
      g.dispose();
    }
    return canvas;
  }

  /** The mood's colour over a reference, fading in over the first second. */
  private void tint(Graphics2D g, double amount) {
    g.setColor(withAlpha(palette.skyHorizon(), (int) (28 * amount)));
    g.fillRect(0, 0, width, height);
  }

  /** The sky does not move: painted once, copied into every frame. */
  private BufferedImage paintSky() {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    var g = image.createGraphics();
    try {
      g.setPaint(new GradientPaint(0, 0, palette.skyTop(), 0, height * 0.75f, palette.skyHorizon()));
      g.fillRect(0, 0, width, height);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawLight(Graphics2D g, double progress) {
    float radius = Math.min(width, height) * (palette.night() ? 0.05f : 0.08f);
    float x = (float) (width * (sunX + 0.08 * progress));
    float y = (float) (height * (0.42 - 0.10 * (palette.night() ? progress : palette.warmth() * (1 - progress))));
    var glow = palette.light();
    g.setPaint(
        new RadialGradientPaint(
            x, y, radius * 5,
            new float[] {0f, 0.2f, 1f},
            new Color[] {withAlpha(glow, 220), withAlpha(glow, 70), withAlpha(glow, 0)}));
    g.fill(new Ellipse2D.Float(x - radius * 5, y - radius * 5, radius * 10, radius * 10));
    g.setColor(glow);
    g.fill(new Ellipse2D.Float(x - radius, y - radius, radius * 2, radius * 2));
  }

  private void drawRidge(Graphics2D g, int layer, double seconds) {
    var wave = ridgeWaves[layer];
    double depth = (layer + 1) / (double) RIDGES;
    double scroll = seconds * width * 0.02 * depth * depth;
    double base = height * (0.55 + 0.14 * layer);
    double amplitude = height * (0.10 - 0.02 * layer);
    var path = new Path2D.Double();
    path.moveTo(0, height);
    for (int x = 0; x <= width; x += 4) {
      double u = (x + scroll) / width;
      double y =
          base
              - amplitude * (0.6 * Math.sin(u * (2 + wave[0] * 3) * Math.PI + wave[1] * 6)
                  + 0.3 * Math.sin(u * (7 + wave[2] * 5) * Math.PI + wave[3] * 6)
                  + 0.1 * Math.sin(u * (19 + wave[4] * 9) * Math.PI + wave[5] * 6));
      path.lineTo(x, y);
    }
    path.lineTo(width, height);
    path.closePath();
    g.setColor(blend(palette.skyHorizon(), palette.land(), 0.45 + 0.55 * depth));
    g.fill(path);
  }

  private void drawParticles(Graphics2D g, double seconds) {
    float unit = Math.max(1f, Math.min(width, height) / 480f);
    for (var p : particles) {
      double x = (p[0] + seconds * 0.01 * p[2]) % 1.0;
      double y = palette.night() ? p[1] * 0.6 : (p[1] - seconds * 0.015 * p[2] + 10) % 1.0;
      double twinkle = 0.5 + 0.5 * Math.sin(seconds * 2 * p[2] + p[3]);
      float r = (float) (p[2] * unit);
      g.setColor(withAlpha(palette.light(), (int) (60 + 150 * twinkle)));
      g.fill(new Ellipse2D.Double(x * width - r / 2, y * height - r / 2, r, r));
    }
  }

  private void drawCaption(Graphics2D g) {
    if (caption.isEmpty()) {
      return;
    }
    int fontSize = Math.max(12, Math.min(width, height) / 28);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, fontSize));
    var metrics = g.getFontMetrics();
    var text = caption.length() > 80 ? caption.substring(0, 79) + "…" : caption;
    while (metrics.stringWidth(text) > width * 0.9 && text.length() > 4) {
      text = text.substring(0, text.length() - 2) + "…";
    }
    int textWidth = metrics.stringWidth(text);
    int x = (width - textWidth) / 2;
    int y = height - fontSize * 2;
    g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, 0.45f));
    g.setColor(Color.BLACK);
    g.fillRoundRect(x - fontSize, y - fontSize - 4, textWidth + fontSize * 2, fontSize * 2, fontSize, fontSize);
    g.setComposite(AlphaComposite.SrcOver);
    g.setColor(Color.WHITE);
    g.drawString(text, x, y + fontSize / 3);
  }

  private static Color withAlpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), Math.clamp(alpha, 0, 255));
  }

  private static Color blend(Color from, Color to, double amount) {
    return new Color(
        (int) (from.getRed() + (to.getRed() - from.getRed()) * amount),
        (int) (from.getGreen() + (to.getGreen() - from.getGreen()) * amount),
        (int) (from.getBlue() + (to.getBlue() - from.getBlue()) * amount));
  }
}
