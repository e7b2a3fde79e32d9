package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaInfo;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaRejected.Reason;
import app.kinora.media.MediaUploads;
import app.kinora.media.Upload;
import app.kinora.media.UploadAccepted;
import app.kinora.media.UploadDiscarded;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts reference media: size-capped streaming to disk, type by content (Apache Tika's magic
 * bytes, never the name or the declared type), inspection and re-encoding in a sandboxed child
 * process, then storage of the sanitised copy (and of the original, only when its owner asks).
 * Every temporary file is gone afterwards, whatever happened.
 */
@Service
class UploadIntake implements MediaUploads {

  private static final long MIN_DURATION_MILLIS = 40;

  private final MediaProperties properties;
  private final UploadInspection inspection;
  private final BlobStore blobs;
  private final UploadRepository uploads;

  private final ApplicationEventPublisher events;
  private final TransactionTemplate transactions;

  UploadIntake(
      MediaProperties properties,
      BlobStore blobs,
      UploadRepository uploads,
      ApplicationEventPublisher events,
      TransactionTemplate transactions) {
    this.properties = properties;
    this.inspection = new UploadInspection(properties);
    this.blobs = blobs;
    this.uploads = uploads;
    this.events = events;
    this.transactions = transactions;
  }

  @Override
  public Upload accept(
      UserId owner, MediaKind expected, InputStream content, boolean keepOriginal) {
    Path original = null;
    Path sanitised = null;
    try {
      var work = Files.createDirectories(properties.workDir());
      original = Files.createTempFile(work, "upload-", ".original");
      sanitised = Files.createTempFile(work, "upload-", "." + Sanitiser.extension(expected));
      checkQuota(owner, 0);
      inspection.copyCapped(content, original, expected);
      var format = inspection.detect(original, expected);
      if (expected == MediaKind.IMAGE) {
        ImageHeader.read(original).ifPresent(inspection::check);
      }
      var timeout = properties.probeTimeout();
      inspection.check(
          Ffprobe.probe(original, format.forcedFormat(), format.demuxer(), false, timeout),
          expected);
      Sanitiser.sanitise(original, format, properties.maxMediaDuration(), sanitised, timeout);
      if (!keepOriginal) {
        deleteQuietly(
            original); // unless asked, the original goes as soon as the sanitised copy exists
      }
      checkQuota(owner, Files.size(sanitised) + (keepOriginal ? Files.size(original) : 0));
      return store(owner, expected, sanitised, keepOriginal ? new Sent(original, format) : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteQuietly(original);
      deleteQuietly(sanitised);
    }
  }

  /** The file as it was sent, to keep, and its detected format. */
  private record Sent(Path file, DetectedFormat format) {}

  @Override
  public Optional<Original> original(UserId owner, UploadId id) {
    return uploads
        .original(owner, id)
        .flatMap(kept -> blobs
            .open(new BlobKey(kept.key()))
            .map(file -> new Original(
                file, kept.contentType(), kept.key().substring(kept.key().lastIndexOf('.') + 1))));
  }

  @Override
  public java.util.Set<UploadId> withOriginals(UserId owner, java.util.Collection<UploadId> ids) {
    return uploads.withOriginals(owner, ids.stream().map(UploadId::value).toList()).stream()
        .map(UploadId::new)
        .collect(java.util.stream.Collectors.toSet());
  }

  @Override
  public Optional<Upload> find(UserId owner, UploadId id) {
    return uploads.find(owner, id);
  }

  @Override
  public java.util.List<Upload> newest(UserId owner, int limit) {
    return uploads.newest(owner, limit);
  }

  @Override
  public Path copyToLocal(UploadId id, Path directory) {
    var key =
        uploads.blobKey(id).orElseThrow(() -> new IllegalArgumentException("no upload " + id));
    var resource = blobs
        .open(new BlobKey(key))
        .orElseThrow(() -> new IllegalStateException("missing blob " + key));
    try (var in = resource.getInputStream()) {
      var target =
          Files.createDirectories(directory).resolve(key.substring(key.lastIndexOf('/') + 1));
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Upload store(UserId owner, MediaKind kind, Path sanitised, Sent original)
      throws IOException {
    var format = inspection.formatOf(sanitised);
    var info = Ffprobe.probe(
        sanitised, format.forcedFormat(), format.demuxer(), false, properties.probeTimeout());
    var id = new UploadId(UUID.randomUUID());
    var key = StorageKeys.upload(id, Sanitiser.extension(kind));
    if (kind != MediaKind.IMAGE && info.duration().toMillis() < MIN_DURATION_MILLIS) {
      throw new MediaRejected("The %s holds no %s."
          .formatted(kind.label(), kind == MediaKind.AUDIO ? "sound" : "pictures"));
    }
    var video = info.video();
    var upload = new Upload(
        id,
        owner,
        kind,
        Files.size(sanitised),
        video.map(MediaInfo.Stream::width).orElse(0),
        video.map(MediaInfo.Stream::height).orElse(0),
        kind == MediaKind.IMAGE ? java.time.Duration.ZERO : info.duration(),
        Instant.now().truncatedTo(ChronoUnit.MICROS));
    var stored = new java.util.ArrayList<BlobKey>();
    try {
      blobs.put(key, sanitised);
      stored.add(key);
      UploadRepository.KeptOriginal kept = null;
      if (original != null) {
        var originalKey = StorageKeys.original(id, original.format().extension());
        blobs.put(originalKey, original.file());
        stored.add(originalKey);
        kept = new UploadRepository.KeptOriginal(
            originalKey.value(), original.format().mimeType(), Files.size(original.file()));
      }
      var keptOriginal = kept;
      // the row and its event in one transaction: the registry delivers the event if and only if
      // the row exists
      transactions.executeWithoutResult(tx -> {
        uploads.insert(upload, key.value(), keptOriginal);
        events.publishEvent(new UploadAccepted(upload));
      });
    } catch (IOException | RuntimeException e) {
      for (var orphan : stored) { // no object without its row
        try {
          blobs.delete(orphan);
        } catch (IOException suppressed) {
          e.addSuppressed(suppressed); // the storage sweep removes it later
        }
      }
      throw e;
    }
    return upload;
  }

  @Override
  public void discard(UserId owner, java.util.Collection<UploadId> ids) {
    for (var id : ids) {
      var keys = uploads.keysOf(owner, id);
      if (!keys.isEmpty()) {
        blobs.deleteAll(keys);
        transactions.executeWithoutResult(tx -> {
          uploads.delete(owner, id);
          events.publishEvent(new UploadDiscarded(id, owner));
        });
      }
    }
  }

  @Override
  public Optional<Resource> open(UserId owner, UploadId id) {
    return uploads.blobKey(owner, id).flatMap(key -> blobs.open(new BlobKey(key)));
  }

  @Override
  public long usedBytes(UserId owner) {
    return uploads.usedBytes(owner);
  }

  private void checkQuota(UserId owner, long adding) {
    long used = uploads.usedBytes(owner);
    long quota = properties.userQuota().toBytes();
    if (used + adding > quota || (adding == 0 && used >= quota)) {
      throw new MediaRejected(
          Reason.QUOTA_EXCEEDED,
          "Your uploads use %d of your %d MB; delete some in your library to make room."
              .formatted(used / (1024 * 1024), quota / (1024 * 1024)));
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      if (file != null) {
        Files.deleteIfExists(file);
      }
    } catch (IOException ignored) {
      // a leftover temp file in the work directory is swept with it
    }
  }
}
