package app.kinora.generation.internal;

import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.media.BlobStore;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes a generation for real: bytes first (a failure leaves the row to try again), then the row. */
@Service
class GenerationRemoval implements GenerationFiles {

  private final GenerationReads reads;
  private final GenerationStore store;
  private final OutputKeys outputs;
  private final BlobStore blobs;

  GenerationRemoval(GenerationReads reads, GenerationStore store, OutputKeys outputs, BlobStore blobs) {
    this.reads = reads;
    this.store = store;
    this.outputs = outputs;
    this.blobs = blobs;
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, GenerationId id) {
    var generation = reads.findOwned(owner, id);
    if (generation.isEmpty()) {
      return false;
    }
    if (!generation.get().status().isTerminal()) {
      throw new IllegalStateException("The video is still being made; it can be deleted once it has finished.");
    }
    generation.get().delete();
    blobs.deleteAll(generation.get().outputIfAny().map(output -> output.keys()).orElse(java.util.List.of()));
    store.delete(generation.get());
    return true;
  }

  @Override
  public Set<String> referenced(Collection<String> keys) {
    return outputs.referenced(keys);
  }
}
