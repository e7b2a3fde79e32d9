package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.media.BlobKey;
import app.kinora.media.VideoOutputs;
import app.kinora.shared.UserId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Deletes a generation for real: bytes first (a failure leaves the row to try again), then the row. */
@Service
class GenerationRemoval implements GenerationFiles {

  private final GenerationReads reads;
  private final GenerationStore store;
  private final VideoOutputs files;

  GenerationRemoval(GenerationReads reads, GenerationStore store, VideoOutputs files) {
    this.reads = reads;
    this.store = store;
    this.files = files;
  }

  @Override
  @Transactional
  public boolean delete(UserId owner, GenerationId id) {
    var generation = reads.findOwned(owner, id);
    if (generation.isEmpty()) {
      return false;
    }
    if (!generation.get().status().isTerminal()) {
      throw new IllegalStateException(
          "The video is still being made; it can be deleted once it has finished.");
    }
    generation.get().delete();
    files.delete(
        generation.get().outputIfAny().map(Generation.Output::keys).orElse(List.of()).stream()
            .map(BlobKey::new)
            .toList());
    store.delete(generation.get());
    return true;
  }
}
