package app.kinora.media;

import java.nio.file.Path;

/** Draws a small text label in a corner of a video (the "AI-generated" disclosure). */
public interface VisibleLabel {

  /**
   * Writes {@code target}: the video with {@code text} drawn in its bottom-right corner, the
   * pictures re-encoded (H.264), the sound copied, the index in front. FFmpeg runs in a child
   * process; the source stays as it is.
   *
   * @param text letters, digits, spaces and dashes only
   * @throws MediaRejected when FFmpeg cannot read or write the video
   */
  void draw(Path source, Path target, String text);
}
