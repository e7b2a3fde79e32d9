package app.kinora.media;

import java.nio.file.Path;

/** Joins two finished videos of the same frame size and rate into one, in a child process. */
public interface VideoStitching {

  /**
   * Writes {@code first} followed by {@code second} as one H.264/AAC MP4 with its index in front.
   * The sound is kept when both have sound, else the result is silent.
   *
   * @throws MediaRejected when FFmpeg cannot read either file
   */
  void stitch(Path first, Path second, Path output);
}
