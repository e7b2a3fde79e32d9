package app.kinora.library.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.MediaFile;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The files of library items as media delivers them: which stored file a variant is, its type,
 * its entity tag and its download name. The controller and the signed links' fast path both ask
 * here, so that both give the same answer.
 */
@Component
class ItemFiles {

  private final Generations generations;
  private final MediaUploads uploads;

  ItemFiles(Generations generations, MediaUploads uploads) {
    this.generations = generations;
    this.uploads = uploads;
  }

  /**
   * An output's {@code video}, {@code download}, {@code poster} or {@code sprite}; an upload's
   * {@code upload} or {@code upload-download}; empty for anything else or a file that is not there.
   */
  Optional<MediaFile> of(LibraryItem item, String variant) {
    return item.isOutput() ? output(item, variant) : upload(item, variant);
  }

  /** The file as it was sent, when its owner chose to keep it; always as a download. */
  Optional<MediaFile> original(LibraryItem item) {
    return uploads
        .original(new UserId(item.owner()), new UploadId(item.id()))
        .map(kept -> MediaFile.of(kept.file(), kept.contentType(), item.id() + "-original")
            .downloadAs(DownloadName.of(item, kept.extension())));
  }

  private Optional<MediaFile> output(LibraryItem item, String variant) {
    var output = switch (variant) {
      case "video", "download" -> OutputVariant.VIDEO;
      case "poster" -> OutputVariant.THUMBNAIL;
      case "sprite" -> OutputVariant.SPRITESHEET;
      default -> null;
    };
    if (output == null) {
      return Optional.empty();
    }
    var tag = item.id() + "-" + variant.replace("download", "video");
    return generations
        .output(new UserId(item.owner()), new GenerationId(item.id()), output)
        .map(file -> MediaFile.of(file, output.contentType(), tag))
        .map(file -> variant.equals("download")
            ? file.downloadAs(DownloadName.of(item, "mp4", generations.aiGenerated(item.model())))
            : file);
  }

  private Optional<MediaFile> upload(LibraryItem item, String variant) {
    if (!variant.equals("upload") && !variant.equals("upload-download")) {
      return Optional.empty();
    }
    var type = switch (item.kind()) {
      case IMAGE -> "image/png";
      case AUDIO -> "audio/wav";
      case VIDEO -> "video/mp4";
    };
    return uploads
        .open(new UserId(item.owner()), new UploadId(item.id()))
        .map(file -> MediaFile.of(file, type, item.id() + "-upload"))
        .map(file -> variant.equals("upload-download")
            ? file.downloadAs(DownloadName.of(item, type.substring(type.indexOf('/') + 1)))
            : file);
  }
}
