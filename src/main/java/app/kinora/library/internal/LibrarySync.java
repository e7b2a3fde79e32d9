package app.kinora.library.internal;

import app.kinora.generation.GenerationCompleted;
import app.kinora.generation.GenerationDeleted;
import app.kinora.generation.GenerationFailed;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationQueued;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.GenerationStarted;
import app.kinora.library.internal.LibraryItem.Kind;
import app.kinora.library.internal.LibraryItem.Source;
import app.kinora.library.internal.LibraryItem.Status;
import app.kinora.media.MediaKind;
import app.kinora.media.Upload;
import app.kinora.media.UploadAccepted;
import app.kinora.media.UploadDiscarded;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code library_items} in step with generations and uploads. Their events are handled
 * after their transaction commits, each in its own (a failure here never undoes a
 * generation's change; the event publication registry delivers it again, at the latest when the
 * node restarts), and work from the event's data alone. Delivery is at least once and in any
 * order, so each handler upserts, a status never moves back, and a removed item stays removed.
 */
@Component
class LibrarySync {

  private final LibraryItems items;

  LibrarySync(LibraryItems items) {
    this.items = items;
  }

  @ApplicationModuleListener(id = "library.generation-queued")
  void on(GenerationQueued event) {
    items.save(
        output(event.id(), event.owner(), event.spec(), Status.QUEUED, 0, event.createdAt()));
  }

  @ApplicationModuleListener(id = "library.generation-started")
  void on(GenerationStarted event) {
    items.save(
        output(event.id(), event.owner(), event.spec(), Status.IN_PROGRESS, 0, event.createdAt()));
  }

  @ApplicationModuleListener(id = "library.generation-completed")
  void on(GenerationCompleted event) {
    items.save(output(
        event.id(),
        event.owner(),
        event.spec(),
        Status.COMPLETED,
        event.output().videoBytes(),
        event.createdAt()));
  }

  @ApplicationModuleListener(id = "library.generation-failed")
  void on(GenerationFailed event) {
    var status = event.failure().isCancellation() ? Status.CANCELLED : Status.FAILED;
    items.save(output(event.id(), event.owner(), event.spec(), status, 0, event.createdAt()));
  }

  @ApplicationModuleListener(id = "library.generation-deleted")
  void on(GenerationDeleted event) {
    items.delete(event.owner().value(), event.id().value());
  }

  @ApplicationModuleListener(id = "library.upload-accepted")
  void on(UploadAccepted event) {
    items.save(upload(event.upload()));
  }

  @ApplicationModuleListener(id = "library.upload-discarded")
  void on(UploadDiscarded event) {
    items.delete(event.owner().value(), event.id().value());
  }

  private static LibraryItem output(
      GenerationId id,
      UserId owner,
      VideoSpec<GenerationReferences> spec,
      Status status,
      long bytes,
      Instant createdAt) {
    return new LibraryItem(
        id.value(),
        owner.value(),
        Source.OUTPUT,
        Kind.VIDEO,
        status,
        spec.model(),
        spec.prompt(),
        spec.seconds(),
        spec.size().width(),
        spec.size().height(),
        spec.duration(),
        bytes,
        createdAt,
        false); // the star is its owner's: saving an item never changes it
  }

  private static LibraryItem upload(Upload u) {
    var kind = switch (u.kind()) {
      case IMAGE -> Kind.IMAGE;
      case AUDIO -> Kind.AUDIO;
      case VIDEO -> Kind.VIDEO;
    };
    return new LibraryItem(
        u.id().value(),
        u.owner().value(),
        Source.UPLOAD,
        kind,
        Status.COMPLETED,
        null,
        "",
        0,
        u.width(),
        u.height(),
        u.kind() == MediaKind.IMAGE ? Duration.ZERO : u.duration(),
        u.bytes(),
        u.createdAt(),
        false);
  }
}
