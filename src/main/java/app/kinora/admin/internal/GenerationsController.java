package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.GenerationAdministration;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.shared.UserPrincipal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's videos with filters; stop one, or run a failed one again at no cost to its owner. */
@Controller
class GenerationsController {

  private static final int RESULTS = 100;

  private final GenerationAdministration generations;
  private final Generations models;
  private final AccountAdministration accounts;
  private final ConsoleAudit audit;

  GenerationsController(
      GenerationAdministration generations,
      Generations models,
      AccountAdministration accounts,
      ConsoleAudit audit) {
    this.generations = generations;
    this.models = models;
    this.accounts = accounts;
    this.audit = audit;
  }

  @GetMapping("/admin/generations")
  String list(
      @RequestParam(defaultValue = "") String status,
      @RequestParam(defaultValue = "") String model,
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String email,
      Model page) {
    var chosenStatus = Arrays.stream(GenerationStatus.values())
        .filter(s -> s.name().equalsIgnoreCase(status.strip()))
        .findFirst()
        .orElse(null);
    var owner = email.isBlank() ? null : accounts.findByEmail(email).orElse(null);
    page.addAttribute("section", "generations");
    page.addAttribute("statuses", GenerationStatus.values());
    page.addAttribute("models", models.models());
    page.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
    page.addAttribute("model", model.strip());
    page.addAttribute("code", code.strip().toLowerCase(Locale.ROOT));
    page.addAttribute("email", email.strip());
    page.addAttribute("unknownEmail", !email.isBlank() && owner == null);
    page.addAttribute(
        "generations",
        !email.isBlank() && owner == null
            ? java.util.List.of()
            : generations.search(
                new GenerationAdministration.Filter(
                    owner == null ? null : owner.id(),
                    chosenStatus,
                    model.isBlank() ? null : model.strip(),
                    code.isBlank() ? null : code.strip().toLowerCase(Locale.ROOT)),
                RESULTS));
    return "admin/generations";
  }

  @PostMapping("/admin/generations/{id}/cancel")
  String cancel(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var generation = new GenerationId(id);
    return ConsoleActions.act(flash, "/admin/generations", () -> {
      var why = ConsoleAudit.reason(reason);
      var summary = generations
          .summary(generation)
          .orElseThrow(() -> new IllegalStateException("There is no such video."));
      if (!generations.cancel(generation)) {
        throw new IllegalStateException("The video has ended already.");
      }
      audit.record(operator, "generation_cancelled", summary.owner(), why, generation.apiId());
      return "Stopped; its credits went back to its owner.";
    });
  }

  @PostMapping("/admin/generations/{id}/retry")
  String retry(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var generation = new GenerationId(id);
    return ConsoleActions.act(flash, "/admin/generations", () -> {
      var why = ConsoleAudit.reason(reason);
      var summary = generations
          .summary(generation)
          .orElseThrow(() -> new IllegalStateException("There is no such video."));
      try {
        var again = generations.retryAtNoCost(generation, "operator:" + operator.userId(), why);
        audit.record(
            operator,
            "generation_retried",
            summary.owner(),
            why,
            generation.apiId() + " as " + again.id().apiId() + ", at no cost");
        return "Queued again as " + again.id().apiId() + ", at no cost to its owner.";
      } catch (InvalidGenerationRequest | InsufficientCredits e) {
        throw new IllegalStateException("It cannot run again: " + e.getMessage(), e);
      }
    });
  }
}
