package app.kinora.render.layers;

import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Sprite;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The prompt as a caption at the bottom of the frame, white on a translucent dark box. Text is
 * laid out with Java2D once per video and then blended into every frame as a sprite.
 */
public final class Caption implements Layer {

  private static final int MAX_CHARACTERS = 80;

  private final Sprite sprite;
  private final int left;
  private final int top;

  private Caption(Sprite sprite, int left, int top) {
    this.sprite = sprite;
    this.left = left;
    this.top = top;
  }

  public static Caption of(String prompt, int width, int height) {
    int fontSize = Math.max(12, Math.min(width, height) / 28);
    var font = new Font(Font.SANS_SERIF, Font.PLAIN, fontSize);
    var probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    var metrics = probe.getFontMetrics(font);
    probe.dispose();
    var text = prompt.strip();
    text = text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS - 1) + "…" : text;
    while (metrics.stringWidth(text) > width * 0.9 && text.length() > 4) {
      text = text.substring(0, text.length() - 2) + "…";
    }
    int textWidth = metrics.stringWidth(text);
    var image =
        new BufferedImage(textWidth + fontSize * 2, fontSize * 2, BufferedImage.TYPE_INT_ARGB);
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC, 0.45f));
      g.setColor(Color.BLACK);
      g.fillRoundRect(0, 0, image.getWidth(), image.getHeight(), fontSize, fontSize);
      g.setComposite(AlphaComposite.SrcOver);
      g.setColor(Color.WHITE);
      g.setFont(font);
      g.drawString(text, fontSize, fontSize + fontSize / 3 + 4);
    } finally {
      g.dispose();
    }
    return new Caption(Sprite.of(image), (width - image.getWidth()) / 2, height - fontSize * 3 - 4);
  }

  @Override
  public void paint(Canvas canvas, View view, int[] floor) {
    canvas.drawOver(sprite, left, top);
  }
}
