package app.kinora.library;

import app.kinora.account.CurrentUser;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.media.MediaDelivery;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.server.ResponseStatusException;

/** "My library": the signed-in user's finished videos, each playable and downloadable. */
@Controller
class LibraryController {

  private final Generations generations;

  LibraryController(Generations generations) {
    this.generations = generations;
  }

  @GetMapping("/library")
  String library(@AuthenticationPrincipal CurrentUser user, Model model) {
    model.addAttribute("videos", generations.completed(user.userId()));
    return "library/library";
  }

  /** The player that replaces a card's preview when the user presses it. */
  @GetMapping("/library/{id}/player")
  String player(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    var video = generations.find(user.userId(), new GenerationId(id))
        .filter(g -> g.isCompleted())
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("v", video);
    return "library/player";
  }

  /** The video itself; another user's id gets 404, exactly like an id that does not exist. */
  @GetMapping("/library/{id}/video")
  ResponseEntity<Resource> video(
      @AuthenticationPrincipal CurrentUser user,
      @PathVariable UUID id,
      @RequestParam(required = false) String download,
      WebRequest request) {
    var name = download != null ? "kinora-" + id.toString().substring(0, 8) + ".mp4" : null;
    return file(user, id, OutputVariant.VIDEO, name, request);
  }

  @GetMapping("/library/{id}/poster")
  ResponseEntity<Resource> poster(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, WebRequest request) {
    return file(user, id, OutputVariant.THUMBNAIL, null, request);
  }

  @GetMapping("/library/{id}/sprite")
  ResponseEntity<Resource> sprite(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, WebRequest request) {
    return file(user, id, OutputVariant.SPRITESHEET, null, request);
  }

  private ResponseEntity<Resource> file(
      CurrentUser user, UUID id, OutputVariant variant, String downloadName, WebRequest request) {
    var generationId = new GenerationId(id);
    var file =
        generations
            .output(user.userId(), generationId, variant)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    return MediaDelivery.file(file, variant.contentType(), id + "-" + variant.extension(), downloadName, request);
  }
}
