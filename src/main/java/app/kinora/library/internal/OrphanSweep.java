package app.kinora.library.internal;

import app.kinora.generation.GenerationFiles;
import app.kinora.library.StorageSweep;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaUploads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The {@link StorageSweep}: lists {@code videos/} and {@code uploads/} in batches and asks their owners. */
@Service
class OrphanSweep implements StorageSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanSweep.class);
  private static final int BATCH = 500;

  private final BlobStore blobs;
  private final GenerationFiles generationFiles;
  private final MediaUploads uploads;
  private final Clock clock;

  OrphanSweep(BlobStore blobs, GenerationFiles generationFiles, MediaUploads uploads) {
    this.blobs = blobs;
    this.generationFiles = generationFiles;
    this.uploads = uploads;
    this.clock = Clock.systemUTC();
  }

  @Override
  public Result sweep(Duration gracePeriod) {
    var cutoff = clock.instant().minus(gracePeriod);
    var candidates = new ArrayList<BlobStore.StoredBlob>();
    int[] examined = {0};
    try {
      for (var prefix : List.of("videos/", "uploads/")) {
        blobs.list(prefix, blob -> {
          examined[0]++;
          if (blob.lastModified().isBefore(cutoff)) {
            candidates.add(blob);
          }
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int deleted = 0;
    long freed = 0;
    for (int from = 0; from < candidates.size(); from += BATCH) {
      var batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
      var keys = batch.stream().map(b -> b.key().value()).toList();
      var live = new HashSet<>(generationFiles.referenced(keys));
      live.addAll(uploads.referenced(keys));
      var orphans = batch.stream().filter(b -> !live.contains(b.key().value())).toList();
      blobs.deleteAll(orphans.stream().map(b -> b.key().value()).toList());
      deleted += orphans.size();
      freed += orphans.stream().mapToLong(BlobStore.StoredBlob::bytes).sum();
    }
    if (deleted > 0) {
      log.info("Storage sweep deleted {} orphaned objects ({} bytes) of {} examined", deleted, freed, examined[0]);
    }
    return new Result(examined[0], deleted, freed);
  }
}
