package app.kinora.library.internal;

import app.kinora.media.Delivery;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
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
  private final ItemFiles files;
  private final Delivery delivery;

  LibraryFilesController(LibraryItems items, ItemFiles files, Delivery delivery) {
    this.items = items;
    this.files = files;
    this.delivery = delivery;
  }

  @GetMapping("/library/{id}/video")
  ResponseEntity<Resource> video(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      @RequestParam(required = false) String download,
      WebRequest request) {
    return serve(owned(user, id), download != null ? "download" : "video", request);
  }

  @GetMapping("/library/{id}/poster")
  ResponseEntity<Resource> poster(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    return serve(owned(user, id), "poster", request);
  }

  @GetMapping("/library/{id}/sprite")
  ResponseEntity<Resource> sprite(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    return serve(owned(user, id), "sprite", request);
  }

  @GetMapping("/library/uploads/{id}/file")
  ResponseEntity<Resource> upload(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      @RequestParam(required = false) String download,
      WebRequest request) {
    return serve(owned(user, id), download != null ? "upload-download" : "upload", request);
  }

  /** The file as it was sent, when its owner chose to keep it; always as a download. */
  @GetMapping("/library/uploads/{id}/original")
  ResponseEntity<Resource> original(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, WebRequest request) {
    var file = files.original(owned(user, id)).orElseThrow(LibraryFilesController::notFound);
    return delivery.answer(file, request);
  }

  /** A signed link: no session needed, and it works only until it expires. */
  @GetMapping("/media/{id}/{variant}")
  ResponseEntity<Resource> signed(
      @PathVariable UUID id,
      @PathVariable String variant,
      @RequestParam(defaultValue = "0") long expires,
      @RequestParam(required = false) String signature,
      WebRequest request) {
    var item = items
        .findForSignedLink(id)
        .filter(i -> delivery.verify(new UserId(i.owner()), i.id(), variant, expires, signature))
        .orElseThrow(LibraryFilesController::notFound);
    return serve(item, variant, request);
  }

  private LibraryItem owned(UserPrincipal user, UUID id) {
    return items.find(user.userId().value(), id).orElseThrow(LibraryFilesController::notFound);
  }

  private ResponseEntity<Resource> serve(LibraryItem item, String variant, WebRequest request) {
    return delivery.answer(
        files.of(item, variant).orElseThrow(LibraryFilesController::notFound), request);
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
