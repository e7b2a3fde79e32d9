package app.kinora.media;

import app.kinora.shared.VideoSize;
import java.nio.file.Path;
import java.time.Duration;

/** Pictures made from a finished video, in a child process: its poster and its sprite sheet. */
public interface VideoDerivatives {

  /** Writes a JPEG of the frame at {@code at}, at most 1280 pixels wide. */
  void poster(Path video, Duration at, Path jpeg);

  /** Writes a JPEG grid of frames spread evenly over the video and returns its layout. */
  SpriteSheet spriteSheet(Path video, Duration duration, VideoSize size, Path jpeg);
}
