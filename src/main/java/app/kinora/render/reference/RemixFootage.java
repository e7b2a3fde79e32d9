package app.kinora.render.reference;

import app.kinora.media.VideoFrames;
import app.kinora.shared.VideoSize;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Video to video (remix): the reference clip's frames, decoded in a child process, become the
 * backdrop that the prompt's scene layers are drawn over. Shorter clips loop; when the stream
 * ends early the last picture stays.
 */
final class RemixFootage implements AutoCloseable {

  private final VideoFrames.FrameStream frames;
  private final BufferedImage picture;
  private final byte[] pixels;

  RemixFootage(
      VideoFrames decoder, Path video, VideoSize size, int framesPerSecond, Duration duration) {
    this.frames = decoder.open(video, size, framesPerSecond, duration);
    this.picture = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
    this.pixels = ((DataBufferByte) picture.getRaster().getDataBuffer()).getData();
  }

  /** Paints the clip's next frame as the backdrop. */
  void paintNext(Graphics2D g) {
    frames.next(pixels);
    g.drawImage(picture, 0, 0, null);
  }

  @Override
  public void close() {
    frames.close();
  }
}
