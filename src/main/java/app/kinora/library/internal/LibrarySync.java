package app.kinora.library.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationChanged;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.library.internal.LibraryItem.Kind;
import app.kinora.library.internal.LibraryItem.Source;
import app.kinora.library.internal.LibraryItem.Status;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaUploads;
import app.kinora.media.Upload;
import app.kinora.media.UploadsChanged;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code library_items} in step with generations and uploads. The events are handled in
 * the publisher's thread (and transaction, when it has one), so an item appears with its
 * generation; each handler re-reads the source and upserts, so a repeat changes nothing.
 */
@Component
class LibrarySync {

  private final Generations generations;
  private final MediaUploads uploads;
  private final LibraryItems items;

  LibrarySync(Generations generations, MediaUploads uploads, LibraryItems items) {
    this.generations = generations;
    this.uploads = uploads;
    this.items = items;
  }

  @EventListener
  void on(GenerationChanged changed) {
    generations.find(changed.owner(), changed.id()).ifPresentOrElse(
        generation -> items.save(output(generation)),
        () -> items.delete(changed.owner().value(), changed.id().value()));
  }

  @EventListener
  void on(UploadsChanged changed) {
    var upload = changed.removed() ? null : uploads.find(changed.owner(), changed.id()).orElse(null);
    if (upload == null) {
      items.delete(changed.owner().value(), changed.id().value());
    } else {
      items.save(upload(upload));
    }
  }

  private LibraryItem output(Generation g) {
    long bytes = g.isCompleted() ? videoBytes(g) : 0;
    return new LibraryItem(g.id().value(), g.owner().value(), Source.OUTPUT, Kind.VIDEO, Status.valueOf(g.status().name()),
        g.model(), g.prompt(), g.seconds(), g.size().width(), g.size().height(), Duration.ofSeconds(g.seconds()), bytes,
        g.createdAt());
  }

  private long videoBytes(Generation g) {
    return generations.output(g.owner(), g.id(), OutputVariant.VIDEO).map(file -> {
      try {
        return file.contentLength();
      } catch (IOException e) {
        return 0L;
      }
    }).orElse(0L);
  }

  private static LibraryItem upload(Upload u) {
    var kind = switch (u.kind()) {
      case IMAGE -> Kind.IMAGE;
      case AUDIO -> Kind.AUDIO;
      case VIDEO -> Kind.VIDEO;
    };
    return new LibraryItem(u.id().value(), u.owner().value(), Source.UPLOAD, kind, Status.COMPLETED, null,
        "", 0, u.width(), u.height(), u.kind() == MediaKind.IMAGE ? Duration.ZERO : u.duration(), u.bytes(),
        u.createdAt());
  }
}
