package app.kinora.generation.internal;

import app.kinora.account.CurrentUser;
import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.Generations;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import java.io.IOException;
import org.springframework.web.multipart.MultipartFile;
import app.kinora.generation.InvalidGenerationRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The home page: the landing page for visitors, the generation studio for signed-in users. */
@Controller
class GenerationController {

  private static final int RECENT = 12;

  private final Generations generations;
  private final MediaUploads uploads;

  GenerationController(Generations generations, MediaUploads uploads) {
    this.generations = generations;
    this.uploads = uploads;
  }

  @GetMapping("/")
  String home(@AuthenticationPrincipal CurrentUser user, Model model) {
    if (user == null) {
      return "landing";
    }
    var models = generations.models();
    model.addAttribute("models", models);
    model.addAttribute("options", ModelOptions.of(models.getFirst()));
    model.addAttribute("jobs", generations.recent(user.userId(), RECENT));
    return "generation/studio";
  }

  /** Re-renders the duration and size choices when the user picks another model. */
  @GetMapping("/generations/options")
  String options(@RequestParam String model, Model view) {
    var descriptor =
        generations.models().stream()
            .filter(m -> m.id().equals(model))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    view.addAttribute("options", ModelOptions.of(descriptor));
    return "generation/studio :: options";
  }

  @PostMapping("/generations")
  String submit(
      @AuthenticationPrincipal CurrentUser user,
      @ModelAttribute GenerationForm form,
      @RequestParam(name = "input_reference", required = false) MultipartFile firstFrame,
      @RequestParam(name = "last_frame", required = false) MultipartFile lastFrame,
      @RequestParam(name = "audio", required = false) MultipartFile audio,
      @RequestParam(name = "video", required = false) MultipartFile video,
      @RequestParam(name = "first_frame_upload", required = false) UUID firstFrameUpload,
      @RequestParam(name = "audio_upload", required = false) UUID audioUpload,
      @RequestParam(name = "video_upload", required = false) UUID videoUpload,
      @RequestParam(name = "keep_original", defaultValue = "false") boolean keepOriginal,
      @RequestParam(name = "reference_images", required = false) java.util.List<MultipartFile> referenceImages,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    var accepted = new java.util.ArrayList<UploadId>();
    try {
      // a file sent now wins; otherwise an upload from the library (ownership is checked on submit)
      var references = new GenerationReferences(
          or(accept(user, firstFrame, MediaKind.IMAGE, keepOriginal, accepted), firstFrameUpload),
          accept(user, lastFrame, MediaKind.IMAGE, keepOriginal, accepted),
          or(accept(user, audio, MediaKind.AUDIO, keepOriginal, accepted), audioUpload),
          or(accept(user, video, MediaKind.VIDEO, keepOriginal, accepted), videoUpload),
          referenceImages == null ? java.util.List.of() : referenceImages.stream()
              .filter(file -> file != null && !file.isEmpty()).limit(10)
              .map(file -> accept(user, file, MediaKind.IMAGE, keepOriginal, accepted)).toList());
      model.addAttribute("g", generations.submit(user.userId(), form.toRequest(references)));
      return htmx != null ? "generation/submitted" : "redirect:/";
    } catch (InvalidGenerationRequest | MediaRejected | InsufficientCredits e) {
      uploads.discard(user.userId(), accepted); // a refused request keeps none of its files
      if (htmx == null) {
        flash.addFlashAttribute("error", e.getMessage());
        return "redirect:/";
      }
      response.setHeader("HX-Retarget", "#form-errors");
      response.setHeader("HX-Reswap", "innerHTML");
      model.addAttribute("error", e.getMessage());
      return "generation/studio :: form-error";
    }
  }

  private static UploadId or(UploadId sent, UUID fromLibrary) {
    return sent != null || fromLibrary == null ? sent : new UploadId(fromLibrary);
  }

  private UploadId accept(CurrentUser user, MultipartFile file, MediaKind kind, boolean keepOriginal,
      java.util.List<UploadId> accepted) {
    if (file == null || file.isEmpty()) {
      return null;
    }
    try (var content = file.getInputStream()) {
      var id = uploads.accept(user.userId(), kind, content, keepOriginal).id();
      accepted.add(id);
      return id;
    } catch (IOException e) {
      throw new MediaRejected("The upload could not be read.", e);
    }
  }

  /**
   * Stops one of the user's running generations; the card's live stream then shows it ended.
   * Another user's id, or one already ended, changes nothing.
   */
  @PostMapping("/generations/{id}/cancel")
  Object cancel(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    generations.cancel(user.userId(), new GenerationId(id));
    return htmx != null ? org.springframework.http.ResponseEntity.noContent().build() : "redirect:/";
  }

  /** One generation's card, fetched again by htmx when its job ends. */
  @GetMapping("/generations/{id}/card")
  String card(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
    model.addAttribute(
        "g",
        generations
            .find(user.userId(), new app.kinora.generation.GenerationId(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "generation/card :: card";
  }
}
