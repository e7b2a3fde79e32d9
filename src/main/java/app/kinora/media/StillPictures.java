package app.kinora.media;

import java.nio.file.Path;

/** Stored pictures (posters, sprite sheets) in the formats API clients ask for. */
public interface StillPictures {

  /**
   * Re-encodes a JPEG or PNG picture as WebP, in a child process.
   *
   * @throws MediaRejected when FFmpeg cannot read the picture
   */
  void toWebp(Path picture, Path webp);
}
