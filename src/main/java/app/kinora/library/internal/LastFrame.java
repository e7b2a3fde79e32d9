package app.kinora.library.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.media.VideoDerivatives;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * "Use the last frame as the next first frame": the frame a little before the end of a finished
 * video, taken by FFmpeg in a child process and accepted as a new image upload (sanitised like
 * any other), so the next generation can start where this one ended.
 */
@Component
class LastFrame {

  private static final Duration BEFORE_END = Duration.ofMillis(80);

  private final Generations generations;
  private final VideoDerivatives derivatives;
  private final MediaUploads uploads;
  private final Path work;

  LastFrame(
      Generations generations,
      VideoDerivatives derivatives,
      MediaUploads uploads,
      MediaProperties properties) {
    this.generations = generations;
    this.derivatives = derivatives;
    this.uploads = uploads;
    this.work = properties.workDir();
  }

  UploadId asUpload(UserId owner, LibraryItem item) {
    var video = generations
        .output(owner, new GenerationId(item.id()), OutputVariant.VIDEO)
        .orElseThrow(() -> new IllegalStateException("no video for " + item.id()));
    Path copy = null;
    Path jpeg = null;
    try {
      Files.createDirectories(work);
      copy = Files.createTempFile(work, "last-frame-", ".mp4");
      jpeg = Files.createTempFile(work, "last-frame-", ".jpg");
      try (var in = video.getInputStream()) {
        Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
      var at = Duration.ofSeconds(item.seconds()).minus(BEFORE_END);
      derivatives.poster(copy, at.isNegative() ? Duration.ZERO : at, jpeg);
      try (var frame = Files.newInputStream(jpeg)) {
        return uploads.accept(owner, MediaKind.IMAGE, frame).id();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(copy);
      deleteQuietly(jpeg);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // scratch space; the next sweep of the work directory takes it
    }
  }
}
