package app.kinora.library.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.MediaDelivery;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/**
 * The files of library items: with the session ({@code /library/…}) or with a signed link
 * ({@code /media/…}). Another user's id, a bad signature and an expired link all get 404, exactly
 * like an id that does not exist.
 */
@Controller
class LibraryFilesController {

  private final LibraryItems items;
  private final Generations generations;
  private final MediaUploads uploads;
  private final SignedLinks links;

  LibraryFilesController(LibraryItems items, Generations generations, MediaUploads uploads, SignedLinks links) {
    this.items = items;
    this.generations = generations;
    this.uploads = uploads;
    this.links = links;
  }

  @GetMapping("/library/{id}/video")
  ResponseEntity<Resource> video(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id,
      @RequestParam(required = false) String download, WebRequest request) {
    return serve(owned(user, id), download != null ? "download" : "video", request);
  }

  @GetMapping("/library/{id}/poster")
  ResponseEntity<Resource> poster(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    return serve(owned(user, id), "poster", request);
  }

  @GetMapping("/library/{id}/sprite")
  ResponseEntity<Resource> sprite(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    return serve(owned(user, id), "sprite", request);
  }

  @GetMapping("/library/uploads/{id}/file")
  ResponseEntity<Resource> upload(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id,
      @RequestParam(required = false) String download, WebRequest request) {
    return serve(owned(user, id), download != null ? "upload-download" : "upload", request);
  }

  /** The file as it was sent, when its owner chose to keep it; always as a download. */
  @GetMapping("/library/uploads/{id}/original")
  ResponseEntity<Resource> original(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    var item = owned(user, id);
    var original = uploads.original(new UserId(item.owner()), new UploadId(id)).orElseThrow(LibraryFilesController::notFound);
    return MediaDelivery.file(original.file(), original.contentType(), id + "-original",
        DownloadName.of(item, original.extension()), request);
  }

  /** A signed link: no session needed, and it works only until it expires. */
  @GetMapping("/media/{id}/{variant}")
  ResponseEntity<Resource> signed(@PathVariable UUID id, @PathVariable String variant,
      @RequestParam(defaultValue = "0") long expires, @RequestParam(required = false) String signature,
      WebRequest request) {
    var item = items.findForSignedLink(id)
        .filter(i -> links.verify(i.owner(), i.id(), variant, expires, signature))
        .orElseThrow(LibraryFilesController::notFound);
    return serve(item, variant, request);
  }

  private LibraryItem owned(UserPrincipal user, UUID id) {
    return items.find(user.userId().value(), id).orElseThrow(LibraryFilesController::notFound);
  }

  private ResponseEntity<Resource> serve(LibraryItem item, String variant, WebRequest request) {
    var owner = new UserId(item.owner());
    var tag = item.id() + "-" + variant.replace("download", "video");
    if (!item.isOutput()) {
      if (!variant.startsWith("upload")) {
        throw notFound();
      }
      var file = uploads.open(owner, new UploadId(item.id())).orElseThrow(LibraryFilesController::notFound);
      var type = switch (item.kind()) {
        case IMAGE -> "image/png";
        case AUDIO -> "audio/wav";
        case VIDEO -> "video/mp4";
      };
      var name = variant.equals("upload-download") ? DownloadName.of(item, type.substring(type.indexOf('/') + 1)) : null;
      return MediaDelivery.file(file, type, item.id() + "-upload", name, request);
    }
    var output = switch (variant) {
      case "video", "download" -> OutputVariant.VIDEO;
      case "poster" -> OutputVariant.THUMBNAIL;
      case "sprite" -> OutputVariant.SPRITESHEET;
      default -> throw notFound();
    };
    Optional<Resource> file = generations.output(owner, new GenerationId(item.id()), output);
    var name = variant.equals("download") ? DownloadName.of(item, "mp4") : null;
    return MediaDelivery.file(file.orElseThrow(LibraryFilesController::notFound), output.contentType(), tag, name, request);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
