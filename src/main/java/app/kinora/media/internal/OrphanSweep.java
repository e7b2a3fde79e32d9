package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.BlobStore.StoredBlob;
import app.kinora.media.StoredFileReferences;
import app.kinora.media.StoredFileReferences.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Finds and deletes stored files that no row refers to any more. For each kind of file, lists its
 * prefix and asks, in batches, every module that answers for the kind ({@link
 * StoredFileReferences}, looked up at each run); a kind no module answers for is left alone.
 * Files younger than the grace period are kept, since their row may be about to be written. Safe
 * to run on several nodes at once.
 */
@Service
class OrphanSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
  private static final int BATCH = 500;

  /** What one sweep saw and removed. */
  record Result(int examined, int deleted, long bytesFreed) {}

  private final BlobStore blobs;
  private final ObjectProvider<StoredFileReferences> references;

  OrphanSweep(BlobStore blobs, ObjectProvider<StoredFileReferences> references) {
    this.blobs = blobs;
    this.references = references;
  }

  Result sweep(Duration gracePeriod) {
    var cutoff = Instant.now().minus(gracePeriod);
    var total = new Result(0, 0, 0);
    for (var kind : Kind.values()) {
      var answering = references
          .orderedStream()
          .filter(reference -> reference.kind() == kind)
          .toList();
      if (answering.isEmpty()) {
        log.warn("No module answers for stored {}; the sweep leaves {} alone", kind, prefix(kind));
        continue;
      }
      var result = sweep(prefix(kind), cutoff, answering);
      total = new Result(
          total.examined() + result.examined(),
          total.deleted() + result.deleted(),
          total.bytesFreed() + result.bytesFreed());
    }
    if (total.deleted() > 0) {
      log.info(
          "Storage sweep deleted {} orphaned objects ({} bytes) of {} examined",
          total.deleted(),
          total.bytesFreed(),
          total.examined());
    }
    return total;
  }

  private Result sweep(String prefix, Instant cutoff, List<StoredFileReferences> answering) {
    var candidates = new ArrayList<StoredBlob>();
    int[] examined = {0};
    try {
      blobs.list(prefix, blob -> {
        examined[0]++;
        if (blob.lastModified().isBefore(cutoff)) {
          candidates.add(blob);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int deleted = 0;
    long freed = 0;
    for (int from = 0; from < candidates.size(); from += BATCH) {
      var batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
      var keys = batch.stream().map(StoredBlob::key).toList();
      var live = new HashSet<BlobKey>();
      answering.forEach(reference -> live.addAll(reference.referenced(keys)));
      var orphans = batch.stream().filter(blob -> !live.contains(blob.key())).toList();
      blobs.deleteAll(orphans.stream().map(blob -> blob.key().value()).toList());
      deleted += orphans.size();
      freed += orphans.stream().mapToLong(StoredBlob::bytes).sum();
    }
    return new Result(examined[0], deleted, freed);
  }

  private static String prefix(Kind kind) {
    return switch (kind) {
      case VIDEO_OUTPUTS -> StorageKeys.VIDEOS;
      case UPLOADS -> StorageKeys.UPLOADS;
    };
  }
}
