package app.kinora.privacy.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * A file that belongs in a user's data export (an upload, a video), opened only when the archive
 * is written, one at a time, so an export of many large files needs little memory.
 *
 * @param path where it goes in the archive, relative to the module's folder (e.g. {@code videos/video_….mp4})
 * @param content opens the file's bytes
 */
public record ExportedFile(String path, Content content) {

  /** Opens the bytes of the file. */
  @FunctionalInterface
  public interface Content {
    InputStream open() throws IOException;
  }
}
