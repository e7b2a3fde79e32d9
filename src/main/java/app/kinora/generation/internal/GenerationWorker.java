package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaInfo;
import app.kinora.media.MediaProbe;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.media.VideoDerivatives;
import app.kinora.generation.GenerationReferences;
import org.springframework.util.FileSystemUtils;
import app.kinora.provider.GenerationTicket;
import app.kinora.provider.Providers;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderRequest;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs one generation: claims it, has its provider make the video, checks the result in a child
 * process, stores it and records the outcome. Every step is safe to repeat after a crash.
 */
@Component
class GenerationWorker {

  private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);
  private static final Duration DURATION_TOLERANCE = Duration.ofMillis(150);

  private final GenerationRepository repository;
  private final GenerationSettlement settlement;
  private final Providers providers;
  private final MediaProbe probe;
  private final BlobStore blobs;
  private final VideoDerivatives derivatives;
  private final MediaUploads uploads;
  private final Path workDir;

  GenerationWorker(
      GenerationRepository repository,
      GenerationSettlement settlement,
      Providers providers,
      MediaProbe probe,
      BlobStore blobs,
      VideoDerivatives derivatives,
      MediaUploads uploads,
      MediaProperties media) {
    this.repository = repository;
    this.settlement = settlement;
    this.providers = providers;
    this.probe = probe;
    this.blobs = blobs;
    this.derivatives = derivatives;
    this.uploads = uploads;
    this.workDir = media.workDir();
  }

  void run(GenerationId id) {
    var attempt = repository.startAttempt(id);
    if (attempt.isEmpty()) {
      return; // already completed or failed: a repeated delivery of the job
    }
    var generation = repository.find(id).orElseThrow();
    log.info("Generation {} attempt {} starts on {}", id, attempt.get(), generation.model());
    Path output = null;
    var referencesDir = workDir.resolve(id + "-" + attempt.get() + "-references");
    try {
      output = Files.createDirectories(workDir).resolve(id + "-" + attempt.get() + ".mp4");
      render(generation, attempt.get(), localCopies(generation.references(), referencesDir), output);
      settlement.complete(generation, attempt.get(), store(generation, output));
      log.info("Generation {} completed", id);
    } catch (Superseded e) {
      log.info("Generation {} attempt {} was superseded by a newer attempt", id, attempt.get());
    } catch (ProviderFailure e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // the node is shutting down: leave the job to be retried
      }
      fail(id, attempt.get(), e.code(), e.getMessage(), e);
    } catch (MediaRejected e) {
      fail(id, attempt.get(), "invalid_output", "The video came back unreadable: " + e.getMessage(), e);
    } catch (IOException | UncheckedIOException e) {
      fail(id, attempt.get(), "storage_error", "The video could not be stored. Please try again.", e);
    } catch (RuntimeException | LinkageError e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      log.error("Generation {} failed unexpectedly", id, e);
      fail(id, attempt.get(), "internal_error", "Something went wrong on our side while making this video.", e);
    } finally {
      deleteQuietly(output);
      if (output != null) { // a local provider's poster and sprite sheet, when the video was not stored
        deleteQuietly(RenderedDerivatives.posterBeside(output));
        deleteQuietly(RenderedDerivatives.spriteSheetBeside(output));
      }
      FileSystemUtils.deleteRecursively(referencesDir.toFile());
    }
  }

  /** The sanitised reference files, copied next to the render for the provider. */
  private ReferenceMedia localCopies(GenerationReferences references, Path directory) {
    return new ReferenceMedia(
        localCopy(references.firstFrame(), directory),
        localCopy(references.lastFrame(), directory),
        localCopy(references.audio(), directory),
        localCopy(references.video(), directory),
        references.images().stream().map(image -> localCopy(image, directory)).toList());
  }

  private Path localCopy(UploadId upload, Path directory) {
    return upload == null ? null : uploads.copyToLocal(upload, directory);
  }

  /** Stores the video with its poster and sprite sheet, each under a key made of the id. */
  private GenerationRepository.StoredOutput store(Generation generation, Path video) throws IOException {
    var duration = Duration.ofSeconds(generation.seconds());
    var poster = video.resolveSibling(video.getFileName() + ".poster.jpg");
    var sprite = video.resolveSibling(video.getFileName() + ".sprite.jpg");
    try {
      var layout = RenderedDerivatives.beside(video, generation.size(), duration)
          .map(RenderedDerivatives::layout)
          .orElseGet(() -> {
            derivatives.poster(video, duration.multipliedBy(2).dividedBy(5), poster);
            return derivatives.spriteSheet(video, duration, generation.size(), sprite);
          });
      var prefix = "videos/" + generation.id();
      blobs.put(new BlobKey(prefix + "-poster.jpg"), poster);
      blobs.put(new BlobKey(prefix + "-sprite.jpg"), sprite);
      blobs.put(new BlobKey(prefix + ".mp4"), video);
      return new GenerationRepository.StoredOutput(
          prefix + ".mp4", Files.size(video), prefix + "-poster.jpg", prefix + "-sprite.jpg", layout);
    } finally {
      deleteQuietly(poster);
      deleteQuietly(sprite);
    }
  }

  private void render(Generation generation, int attempt, ReferenceMedia references, Path output) {
    var request =
        new ProviderRequest(
            generation.model(),
            generation.prompt(),
            Duration.ofSeconds(generation.seconds()),
            generation.size(),
            generation.seed(),
            generation.framesPerSecond(),
            generation.generateAudio(),
            generation.caption(),
            references,
            generation.negativePrompt());
    var progress = new PercentReporter(percent -> {
      if (!repository.progress(generation.id(), attempt, percent)) {
        stopIfCancelled(generation.id());
        throw new Superseded();
      }
    }, () -> stopIfCancelled(generation.id()));
    providers.generate(new GenerationTicket(generation.id().value(), generation.owner()), request, progress, output);
    check(probe.probeMp4(output), generation);
  }

  private static void check(MediaInfo info, Generation generation) {
    var video = info.video().orElseThrow(() -> new MediaRejected("it has no video stream"));
    if (video.width() != generation.size().width() || video.height() != generation.size().height()) {
      throw new MediaRejected("it is %dx%d, not %s".formatted(video.width(), video.height(), generation.size()));
    }
    var expected = Duration.ofSeconds(generation.seconds());
    if (info.duration().minus(expected).abs().compareTo(DURATION_TOLERANCE) > 0) {
      throw new MediaRejected("it lasts %d ms, not %d s".formatted(info.duration().toMillis(), generation.seconds()));
    }
    if (!info.fastStart()) {
      throw new MediaRejected("its index is not at the front of the file");
    }
  }

  /** Its owner cancelled it: the provider stops (and a platform's job is cancelled with it). */
  private void stopIfCancelled(GenerationId id) {
    if (repository.isCancelled(id)) {
      throw ProviderFailure.of(FailureCode.CANCELLED, "cancelled by its owner");
    }
  }

  /** Ends a generation whose job kept failing outside the worker's own error handling. */
  void abandon(GenerationId id) {
    repository
        .find(id)
        .filter(generation -> !generation.status().isTerminal())
        .flatMap(generation -> repository.startAttempt(id))
        .ifPresent(attempt -> settlement.fail(id, attempt, new Generation.Failure(
            "internal_error", "Something went wrong on our side while making this video.")));
  }

  private void fail(GenerationId id, int attempt, String code, String message, Throwable cause) {
    log.warn("Generation {} failed: {} ({})", id, code, cause.toString());
    settlement.fail(id, attempt, new Generation.Failure(code, message));
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      log.warn("Could not delete work file {}", file);
    }
  }

  /** A newer attempt owns the generation; this run stops quietly. */
  static final class Superseded extends RuntimeException {
    Superseded() {
      super(null, null, false, false);
    }
  }
}
