package app.kinora.admin.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.generation.Generations;
import app.kinora.provider.PlatformStatus;
import app.kinora.shared.UserPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Platforms and models as configured: each platform's breaker on this node, routes, prices. */
@Controller
class PlatformsController {

  private final PlatformStatus platforms;
  private final Generations generations;
  private final BillingProperties billing;
  private final ConsoleAudit audit;

  PlatformsController(
      PlatformStatus platforms,
      Generations generations,
      BillingProperties billing,
      ConsoleAudit audit) {
    this.audit = audit;
    this.platforms = platforms;
    this.generations = generations;
    this.billing = billing;
  }

  @GetMapping("/admin/platforms")
  String platforms(Model model) {
    model.addAttribute("section", "platforms");
    model.addAttribute("platforms", platforms.platforms());
    model.addAttribute("routes", platforms.routes());
    model.addAttribute("unknownRoutes", platforms.unknownRoutes());
    model.addAttribute("models", generations.models());
    model.addAttribute("billing", billing);
    return "admin/platforms";
  }

  @PostMapping("/admin/platforms/{platform}/pause")
  String pause(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable String platform,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/platforms", () -> {
      var why = ConsoleAudit.reason(reason);
      if (!platforms.pause(platform, why)) {
        throw new IllegalStateException("That platform is paused already.");
      }
      audit.record(operator, "platform_paused", null, why, platform);
      return "Paused: new jobs go to the next route of each model.";
    });
  }

  @PostMapping("/admin/platforms/{platform}/resume")
  String resume(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable String platform,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/platforms", () -> {
      var why = ConsoleAudit.reason(reason);
      if (!platforms.resume(platform)) {
        throw new IllegalStateException("That platform is not paused.");
      }
      audit.record(operator, "platform_resumed", null, why, platform);
      return "Resumed: the platform takes new jobs again.";
    });
  }
}
