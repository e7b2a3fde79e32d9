package app.kinora.generation.internal;

import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationProperties;
import app.kinora.generation.Generations;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.provider.Providers;
import app.kinora.safety.RateLimited;
import app.kinora.shared.UserPrincipal;
import app.kinora.shared.WebPaths;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
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
import org.springframework.web.util.UriComponentsBuilder;

/** The home page: the landing page for visitors, the generation studio for signed-in users. */
@Controller
class GenerationController {

  /** Prompts to start from, offered under an empty prompt: scenes the local renderer draws well. */
  static final List<String> EXAMPLE_PROMPTS = List.of(
      "Neon city at night in the rain, slow pan",
      "Stars and aurora over a frozen lake",
      "Snowy mountains at sunrise, aerial shot",
      "Sunset over the ocean with gentle waves",
      "Campfire sparks under a starry sky");

  private static final int RECENT = 12;
  private static final int READ_AT_MOST = 2_000;
  private static final String SHOW_CHOICES = "show_choices";

  private final Generations generations;
  private final GenerationProperties properties;
  private final Providers providers;
  private final ModelCards cards;

  GenerationController(
      Generations generations,
      GenerationProperties properties,
      Providers providers,
      ModelCards cards) {
    this.generations = generations;
    this.properties = properties;
    this.providers = providers;
    this.cards = cards;
  }

  /**
   * The studio, its model picked from {@code model} when the catalogue has it (a "run again"
   * link, or the picker sent without script), else the first; its duration and size kept when
   * that model offers them.
   */
  @GetMapping("/")
  String home(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(name = "model", required = false) String chosen,
      @RequestParam(required = false) String seconds,
      @RequestParam(required = false) String size,
      Model model) {
    if (user == null) {
      return "landing";
    }
    var models = generations.models();
    var descriptor =
        models.stream().filter(m -> m.id().equals(chosen)).findFirst().orElse(models.getFirst());
    model.addAttribute("models", cards.of(models));
    model.addAttribute("chosenModel", descriptor.id());
    model.addAttribute("options", ModelOptions.of(descriptor, seconds, size));
    model.addAttribute("jobs", generations.recent(user.userId(), RECENT));
    model.addAttribute("maxPromptLength", properties.maxPromptLength());
    model.addAttribute("examples", EXAMPLE_PROMPTS);
    return "generation/studio";
  }

  /**
   * Re-renders the duration and size chips when the user picks another model: only what that
   * model offers, keeping the duration and size already chosen where it offers them too.
   */
  @GetMapping("/generations/options")
  String options(
      @RequestParam String model,
      @RequestParam(required = false) String seconds,
      @RequestParam(required = false) String size,
      Model view) {
    var descriptor = generations.models().stream()
        .filter(m -> m.id().equals(model))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    view.addAttribute("options", ModelOptions.of(descriptor, seconds, size));
    return "generation/studio :: options";
  }

  /**
   * What the chosen model will draw of the prompt, as the user types: chips of the words the
   * local renderer knows and a note naming the ones it will not draw. Empty for AI models.
   */
  @PostMapping("/generations/reading")
  String reading(
      @RequestParam(defaultValue = "") String model,
      @RequestParam(defaultValue = "") String prompt,
      Model view) {
    var text = prompt.length() > READ_AT_MOST ? prompt.substring(0, READ_AT_MOST) : prompt;
    view.addAttribute("reading", providers.read(model, text).orElse(null));
    return "generation/reading :: reading";
  }

  /** The studio's form, mapped onto the one intake; a refusal shows its message on the form. */
  @PostMapping("/generations")
  String submit(
      @AuthenticationPrincipal UserPrincipal user,
      @ModelAttribute StudioForm form,
      HttpServletRequest request,
      @RequestHeader(name = "HX-Request", required = false) String htmx,
      Model model,
      HttpServletResponse response,
      RedirectAttributes flash) {
    if (request.getParameter(SHOW_CHOICES) != null) {
      return showChoices(form, flash);
    }
    try {
      model.addAttribute(
          "g", generations.submit(user.userId(), form.spec(request), StudioForm.files(request)));
      request.setAttribute(WebPaths.GENERATION_ACCEPTED, true);
      return htmx != null ? "generation/submitted" : "redirect:/";
    } catch (InvalidGenerationRequest | InsufficientCredits | RateLimited e) {
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

  /**
   * Without script, the model cards cannot bring their own chips: the form's "Show this model's
   * choices" button posts here, and the studio comes back with that model's durations and sizes
   * (the prompt carried in the session's flash, not in the address).
   */
  private static String showChoices(StudioForm form, RedirectAttributes flash) {
    flash.addFlashAttribute("prompt", form.prompt());
    return "redirect:"
        + UriComponentsBuilder.fromPath("/")
            .queryParamIfPresent("model", java.util.Optional.ofNullable(form.model()))
            .queryParamIfPresent("seconds", java.util.Optional.ofNullable(form.seconds()))
            .queryParamIfPresent("size", java.util.Optional.ofNullable(form.size()))
            .encode()
            .build()
            .toUriString();
  }

  /**
   * Stops one of the user's running generations; the card's live stream then shows it ended.
   * Another user's id, or one already ended, changes nothing.
   */
  @PostMapping("/generations/{id}/cancel")
  Object cancel(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      @RequestHeader(name = "HX-Request", required = false) String htmx) {
    generations.cancel(user.userId(), new GenerationId(id));
    return htmx != null
        ? org.springframework.http.ResponseEntity.noContent().build()
        : "redirect:/";
  }

  /** One generation's card, fetched again by htmx when its job ends. */
  @GetMapping("/generations/{id}/card")
  String card(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, Model model) {
    model.addAttribute(
        "g",
        generations
            .find(user.userId(), new GenerationId(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
    return "generation/card :: card";
  }
}
