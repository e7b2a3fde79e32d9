package app.kinora.generation.internal;

import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.Lineage;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.ReferenceRole;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import app.kinora.media.VideoDerivatives;
import app.kinora.media.VideoStitching;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/**
 * What makes an extension more than a video of its own: it starts from its source's last frame
 * (when no first frame is given), and once rendered it is stitched after its source, so its output
 * is the whole longer video.
 */
@Component
class Extensions {

  private static final Duration BEFORE_END = Duration.ofMillis(80);

  private final OutputKeys outputs;
  private final BlobStore blobs;
  private final VideoDerivatives derivatives;
  private final VideoStitching stitching;
  private final Path work;

  Extensions(
      OutputKeys outputs,
      BlobStore blobs,
      VideoDerivatives derivatives,
      VideoStitching stitching,
      MediaProperties media) {
    this.outputs = outputs;
    this.blobs = blobs;
    this.derivatives = derivatives;
    this.stitching = stitching;
    this.work = media.workDir();
  }

  static boolean isExtension(Lineage lineage) {
    return lineage != null && lineage.kind() == Lineage.Kind.EXTENSION;
  }

  /** The request's files with the source's last frame as its first frame, unless one was sent. */
  Attachment.Files withLastFrame(UserId owner, Lineage lineage, Attachment.Files files) {
    if (!isExtension(lineage) || files.count(ReferenceRole.FIRST_FRAME) > 0) {
      return files;
    }
    var copy = sourceCopy(owner, lineage, "extension-source-");
    Path jpeg = null;
    try {
      jpeg = Files.createTempFile(work, "extension-frame-", ".jpg");
      var at = Duration.ofSeconds(lineage.sourceSeconds()).minus(BEFORE_END);
      derivatives.poster(copy, at.isNegative() ? Duration.ZERO : at, jpeg);
      var frame = Files.readAllBytes(jpeg);
      var list = new ArrayList<>(files.list());
      list.add(
          new Attachment(ReferenceRole.FIRST_FRAME, () -> new java.io.ByteArrayInputStream(frame)));
      return new Attachment.Files(list, files.keepOriginals());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(copy);
      deleteQuietly(jpeg);
    }
  }

  /** A stitched extension and the copy of its source it was made from (for its credentials). */
  record Stitched(Path video, Path source) {}

  /**
   * The rendered segment stitched after its source, written beside it; the caller deletes the
   * segment and both files of the answer.
   *
   * @throws IllegalStateException when the source was deleted while the extension was made
   */
  Stitched stitch(Generation extension, Path segment) {
    var lineage = extension.lineage().orElseThrow();
    var source = sourceCopy(extension.owner(), lineage, "extension-" + extension.id() + "-");
    try {
      var stitched =
          segment.resolveSibling(segment.getFileName().toString().replace(".mp4", "-stitched.mp4"));
      stitching.stitch(source, segment, stitched);
      return new Stitched(stitched, source);
    } catch (RuntimeException e) {
      deleteQuietly(source);
      throw e;
    }
  }

  private Path sourceCopy(UserId owner, Lineage lineage, String prefix) {
    var video = outputs
        .of(owner, lineage.source(), OutputVariant.VIDEO)
        .map(BlobKey::new)
        .flatMap(blobs::open)
        .orElseThrow(() -> new InvalidGenerationRequest(
            "video", "video_not_found", "The source video is no longer there."));
    try {
      var copy = Files.createTempFile(Files.createDirectories(work), prefix, ".mp4");
      try (var in = video.getInputStream()) {
        Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
      }
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // scratch space; the work directory's sweep takes it
    }
  }
}
