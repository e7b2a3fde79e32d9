package app.kinora.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The safe intake's first steps for a reader that needs a file's bytes exactly as sent — the
 * Content Credentials checker, since re-encoding would drop the credentials: size-capped streaming
 * to the work directory and identification by content. Nothing is decoded, re-encoded or kept.
 */
public interface FilesAsSent {

  /**
   * Streams the file to a temporary file, refusing it when it is empty, larger than a video may be
   * or of a type Kinora does not take (decided by its bytes, never its name).
   *
   * @throws MediaRejected with a reason fit for the user; nothing is left behind
   */
  Sent take(InputStream content);

  /** A file as sent, deleted when closed. */
  record Sent(Path file, MediaKind kind, String contentType) implements AutoCloseable {

    @Override
    public void close() {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
