package app.kinora.media;

import app.kinora.shared.VideoSize;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Decodes a sanitised reference video into raw pictures in a child process, so that a renderer
 * can restyle it without any native decoder inside the server's JVM.
 */
public interface VideoFrames {

  /**
   * Opens the video's frames scaled and cropped to cover {@code size}, at {@code framesPerSecond},
   * looped if shorter than {@code duration} and cut at it.
   */
  FrameStream open(Path video, VideoSize size, int framesPerSecond, Duration duration);

  /** Raw frames, each {@code width × height × 3} bytes in BGR order, row by row. */
  interface FrameStream extends AutoCloseable {

    /** Fills {@code bgr} with the next frame; false when there is none. */
    boolean next(byte[] bgr);

    @Override
    void close();
  }
}
