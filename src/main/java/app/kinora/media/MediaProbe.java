package app.kinora.media;

import java.nio.file.Path;

/** Inspects media files without parsing them inside the server's JVM. */
public interface MediaProbe {

  /**
   * Probes an MP4 file in a child process limited in time, memory and (where possible) network.
   *
   * @throws MediaRejected if the file is not a readable MP4 or the probe fails or times out
   */
  MediaInfo probeMp4(Path file);
}
