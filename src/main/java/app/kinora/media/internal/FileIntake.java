package app.kinora.media.internal;

import app.kinora.media.FilesAsSent;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/** Takes files as sent: the caps and the detection by content of {@link UploadIntake}. */
@Component
class FileIntake implements FilesAsSent {

  private final MediaProperties properties;
  private final UploadInspection inspection;

  FileIntake(MediaProperties properties) {
    this.properties = properties;
    this.inspection = new UploadInspection(properties);
  }

  @Override
  public Sent take(InputStream content) {
    Path file = null;
    try {
      file =
          Files.createTempFile(Files.createDirectories(properties.workDir()), "as-sent-", ".bin");
      inspection.copyCapped(content, file, MediaKind.VIDEO);
      var format = inspection.detectAny(file);
      return new Sent(file, format.kind(), format.mimeType());
    } catch (IOException e) {
      delete(file);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  private static void delete(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // a leftover in the work directory is swept with it
    }
  }
}
