package app.kinora.render.reference;

import app.kinora.media.VideoFrames;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.render.canvas.Canvas;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.encode.FrameSource;
import app.kinora.render.encode.Yuv420;
import app.kinora.render.layers.Palette;
import app.kinora.render.scene.Overlay;
import app.kinora.render.stills.Stills;
import app.kinora.shared.VideoSpec;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Frames built on a reference — the uploaded picture in motion or the uploaded clip — with the
 * prompt's mood as a light colour grade and its weather, lights and creatures drawn over it (or,
 * when the prompt names none, drifting motes of the scene's light), then the caption. The grade
 * and the overlay fade in over the first second, so the first frame is the reference itself.
 */
public final class ReferenceFrames implements FrameSource {

  private static final int MOTES = 70;

  private final ReferenceBackdrop backdrop;
  private final Palette palette;
  private final Overlay overlay;
  private final BufferedImage image;
  private final Canvas canvas;
  private final Yuv420 converter;
  private final Supplier<ByteBuffer> buffers;
  private final int frames;
  private final int fps;
  private final Stills stills;
  private final double[][] motes = new double[MOTES][3];
  private int frame;

  public ReferenceFrames(
      VideoSpec<ReferenceMedia> request,
      VideoFrames decoder,
      Palette palette,
      Yuv420 converter,
      Supplier<ByteBuffer> buffers,
      int frames,
      Stills stills)
      throws IOException {
    this.stills = stills;
    this.backdrop = ReferenceBackdrop.of(request, decoder);
    this.palette = palette;
    this.overlay = new Overlay(request.prompt(), request.seed(), request.size(), request.caption());
    var size = request.size();
    this.image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
    this.canvas = new Canvas(size.width(), size.height());
    this.converter = converter;
    this.buffers = buffers;
    this.frames = frames;
    this.fps = request.framesPerSecond();
    var random = new SplittableRandom(request.seed() ^ 0x5DEECE66DL);
    for (var mote : motes) {
      mote[0] = random.nextDouble();
      mote[1] = random.nextDouble();
      mote[2] = 0.5 + random.nextDouble() * 2;
    }
  }

  @Override
  public ByteBuffer next() {
    int index = frame++;
    double progress = index / (double) Math.max(1, frames - 1);
    double seconds = index / (double) fps;
    var g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      backdrop.painter(progress).accept(g);
      grade(g, Math.min(1, seconds));
      if (!overlay.hasWeather()) {
        motes(g, seconds);
      }
    } finally {
      g.dispose();
    }
    var pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    System.arraycopy(pixels, 0, canvas.pixels, 0, pixels.length);
    overlay.paint(canvas, seconds, progress);
    if (seconds < 1) {
      fadeIn(pixels, (int) (seconds * 256));
    }
    stills.take(index, canvas);
    var buffer = buffers.get();
    converter.convert(canvas, buffer);
    return buffer;
  }

  /** The mood's colour, fading in over the first second so the first frame is the reference. */
  private void grade(Graphics2D g, double amount) {
    g.setColor(withAlpha(palette.glow(), (int) (26 * amount)));
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
  }

  private void motes(Graphics2D g, double seconds) {
    float unit = Math.max(1f, Math.min(image.getWidth(), image.getHeight()) / 480f);
    double fadeIn = Math.min(1, seconds);
    for (var mote : motes) {
      double x = (mote[0] + seconds * 0.01 * mote[2]) % 1.0;
      double y = (mote[1] - seconds * 0.012 * mote[2] + 10) % 1.0;
      float r = (float) (mote[2] * unit);
      g.setColor(withAlpha(palette.light(), (int) (120 * fadeIn)));
      g.fill(new Ellipse2D.Double(x * image.getWidth(), y * image.getHeight(), r, r));
    }
  }

  /** Mixes the overlay in by {@code alpha}/256 over the frame without it. */
  private void fadeIn(int[] without, int alpha) {
    var with = canvas.pixels;
    for (int i = 0; i < with.length; i++) {
      with[i] = Rgb.blend(without[i], with[i], alpha);
    }
  }

  @Override
  public void close() {
    backdrop.close();
  }

  private static Color withAlpha(int rgb, int alpha) {
    return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, Math.clamp(alpha, 0, 255));
  }
}
