package app.kinora.provenance.spi;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An invisible watermark an operator plugs in: a Spring bean implementing this interface is
 * applied to every video just before it is signed, and the video's Content Credentials then say
 * so (a {@code c2pa.watermarked} action naming it). Kinora bundles none: no maintained Java
 * implementation of a video watermark was found (see {@code docs/provenance.md}).
 */
public interface InvisibleWatermark {

  /** A short name for the manifest, e.g. {@code acme-videomark/2}. */
  String name();

  /**
   * Embeds the watermark in the MP4 in place. It may re-encode the pictures; it must keep the
   * size, duration and frame rate, and leave the index in front of the media data.
   */
  void embed(Path mp4) throws IOException;
}
