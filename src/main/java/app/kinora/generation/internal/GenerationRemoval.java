package app.kinora.generation.internal;

import app.kinora.generation.GenerationChanged;
import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.media.BlobStore;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Deletes a generation for real: bytes first (a failure leaves the row to try again), then the row. */
@Service
class GenerationRemoval implements GenerationFiles {

  private final GenerationRepository repository;
  private final BlobStore blobs;
  private final ApplicationEventPublisher events;

  GenerationRemoval(GenerationRepository repository, BlobStore blobs, ApplicationEventPublisher events) {
    this.repository = repository;
    this.blobs = blobs;
    this.events = events;
  }

  @Override
  public boolean delete(UserId owner, GenerationId id) {
    var generation = repository.findOwned(owner, id);
    if (generation.isEmpty()) {
      return false;
    }
    var status = generation.get().status();
    if (status == GenerationStatus.QUEUED || status == GenerationStatus.IN_PROGRESS) {
      throw new IllegalStateException("The video is still being made; it can be deleted once it has finished.");
    }
    blobs.deleteAll(repository.outputKeys(owner, id));
    repository.delete(owner, id);
    events.publishEvent(new GenerationChanged(id, owner));
    return true;
  }

  @Override
  public Set<String> referenced(Collection<String> keys) {
    return repository.referencedKeys(keys);
  }
}
