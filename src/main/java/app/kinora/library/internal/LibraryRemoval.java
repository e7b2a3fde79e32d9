package app.kinora.library.internal;

import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Deletes library items for real: an output's video, poster and sprite sheet and its generation
 * row; an upload's sanitised file and its row; then the item. Items still rendering are skipped
 * (they can be deleted once finished).
 */
@Service
class LibraryRemoval {

  /** What a batch delete did. */
  record Outcome(int deleted, int stillRunning) {}

  private final LibraryItems items;
  private final GenerationFiles generationFiles;
  private final MediaUploads uploads;

  LibraryRemoval(LibraryItems items, GenerationFiles generationFiles, MediaUploads uploads) {
    this.items = items;
    this.generationFiles = generationFiles;
    this.uploads = uploads;
  }

  Outcome delete(UserId owner, Collection<UUID> ids) {
    int deleted = 0;
    int running = 0;
    for (var item : items.owned(owner.value(), ids)) {
      if (item.isRunning()) {
        running++;
        continue;
      }
      if (item.isOutput()) {
        generationFiles.delete(owner, new GenerationId(item.id()));
      } else {
        uploads.discard(owner, List.of(new UploadId(item.id())));
      }
      items.delete(owner.value(), item.id()); // the events did so already; this makes sure
      deleted++;
    }
    return new Outcome(deleted, running);
  }
}
