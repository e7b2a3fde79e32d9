package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.provider.GenerationTicket;
import app.kinora.provider.PlatformsFull;
import app.kinora.provider.Providers;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Runs one generation: claims it, has its provider make the video, has {@link OutputCheck} check
 * the result and {@link OutputStorage} store it, and records the outcome. Every step is safe to
 * repeat after a crash.
 */
@Component
class GenerationWorker {

  private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);

  private final GenerationLifecycle lifecycle;
  private final GenerationReads reads;
  private final GenerationStore store;
  private final Providers providers;
  private final OutputCheck outputCheck;
  private final OutputStorage storage;
  private final MediaUploads uploads;
  private final Extensions extensions;
  private final OutputCredentials credentials;
  private final Path workDir;

  GenerationWorker(
      GenerationLifecycle lifecycle,
      GenerationReads reads,
      GenerationStore store,
      Providers providers,
      OutputCheck outputCheck,
      OutputStorage storage,
      MediaUploads uploads,
      Extensions extensions,
      OutputCredentials credentials,
      MediaProperties media) {
    this.extensions = extensions;
    this.credentials = credentials;
    this.lifecycle = lifecycle;
    this.reads = reads;
    this.store = store;
    this.providers = providers;
    this.outputCheck = outputCheck;
    this.storage = storage;
    this.uploads = uploads;
    this.workDir = media.workDir();
  }

  /** Runs the job; false when it must wait in the queue (its account or its platforms are full). */
  boolean run(GenerationId id) {
    var claim = lifecycle.claim(id);
    if (claim.waits()) {
      return false;
    }
    if (claim.started().isEmpty()) {
      return true; // already completed or failed (a repeated delivery of the job), or another
      // worker took it
    }
    var generation = claim.started().get();
    int attempt = generation.attempt();
    log.info("Generation {} attempt {} starts on {}", id, attempt, generation.model());
    Path output = null;
    Extensions.Stitched stitched = null;
    var referencesDir = workDir.resolve(id + "-" + attempt + "-references");
    try {
      output = Files.createDirectories(workDir).resolve(id + "-" + attempt + ".mp4");
      var references = localCopies(generation.spec().references(), referencesDir);
      render(generation, attempt, references, output);
      var finished = output;
      if (Extensions.isExtension(generation.lineage().orElse(null))) {
        stitched = extensions.stitch(generation, output);
        outputCheck.check(stitched.video(), generation.size(), generation.outputSeconds());
        finished = stitched.video();
        // the credentials name the video it continues as their parent
        references = new ReferenceMedia(
            references.firstFrame(),
            references.lastFrame(),
            references.audio(),
            stitched.source(),
            references.images());
      }
      credentials.sign(generation, finished, references);
      lifecycle.complete(id, attempt, storage.store(generation, finished));
      log.info("Generation {} completed", id);
    } catch (Superseded e) {
      log.info("Generation {} attempt {} was superseded by a newer attempt", id, attempt);
    } catch (PlatformsFull e) {
      // another node took the platform's last place first: nothing was sent; a later attempt
      log.info("Generation {} attempt {} waits: {}", id, attempt, e.getMessage());
      return false;
    } catch (ProviderFailure e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e; // the node is shutting down: leave the job to be retried
      }
      fail(id, attempt, e.code(), e.getMessage(), e);
    } catch (MediaRejected e) {
      // what was wrong (a size, a length, FFmpeg's refusal) goes to the log, not to the person
      fail(
          id,
          attempt,
          "invalid_output",
          "The video service sent back something that is not a usable video, so nothing was kept"
              + " and nothing was charged.",
          e);
    } catch (IOException | UncheckedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new UncheckedIOException(
            "interrupted while storing: the node is shutting down", asIo(e));
      }
      fail(id, attempt, "storage_error", "The video could not be stored. Please try again.", e);
    } catch (RuntimeException | LinkageError e) {
      if (Thread.currentThread().isInterrupted()) {
        throw e;
      }
      log.error("Generation {} failed unexpectedly", id, e);
      fail(
          id,
          attempt,
          "internal_error",
          "Something went wrong on our side while making this video.",
          e);
    } finally {
      deleteQuietly(output);
      if (stitched != null) {
        deleteQuietly(stitched.video());
        deleteQuietly(stitched.source());
      }
      if (output != null) { // the renderer's pictures, stored or not
        deleteQuietly(RenderedDerivatives.posterBeside(output));
        deleteQuietly(RenderedDerivatives.spriteSheetBeside(output));
      }
      FileSystemUtils.deleteRecursively(referencesDir.toFile());
    }
    return true;
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

  private void render(Generation generation, int attempt, ReferenceMedia references, Path output) {
    var spec = generation.spec();
    var request = spec.withReferences(references);
    var progress = new PercentReporter(
        percent -> {
          if (!store.progress(generation.id(), attempt, percent)) {
            stopIfCancelled(generation.id());
            throw new Superseded();
          }
        },
        () -> stopIfCancelled(generation.id()));
    providers.generate(
        new GenerationTicket(generation.id().value(), generation.owner()),
        request,
        progress,
        output);
    if (!providers.makesWhatWasAsked(generation.model())) {
      outputCheck.check(output, generation.size(), generation.seconds());
    }
  }

  /** Its owner cancelled it: the provider stops (and a platform's job is cancelled with it). */
  private void stopIfCancelled(GenerationId id) {
    if (reads.isCancelled(id)) {
      throw ProviderFailure.of(FailureCode.CANCELLED, "cancelled by its owner");
    }
  }

  /** Ends a generation whose job kept failing outside the worker's own error handling. */
  void abandon(GenerationId id) {
    lifecycle
        .start(id)
        .ifPresent(generation -> lifecycle.fail(
            id,
            generation.attempt(),
            new GenerationFailure(
                "internal_error", "Something went wrong on our side while making this video.")));
  }

  private void fail(GenerationId id, int attempt, String code, String message, Throwable cause) {
    log.warn("Generation {} failed: {} ({})", id, code, cause.toString());
    lifecycle.fail(id, attempt, new GenerationFailure(code, message));
  }

  private static IOException asIo(Exception e) {
    return e instanceof UncheckedIOException unchecked ? unchecked.getCause() : (IOException) e;
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
