package app.kinora.admin.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.generation.Generations;
import app.kinora.provider.PlatformStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Platforms and models as configured: each platform's breaker on this node, routes, prices. */
@Controller
class PlatformsController {

  private final PlatformStatus platforms;
  private final Generations generations;
  private final BillingProperties billing;

  PlatformsController(
      PlatformStatus platforms, Generations generations, BillingProperties billing) {
    this.platforms = platforms;
    this.generations = generations;
    this.billing = billing;
  }

  @GetMapping("/admin/platforms")
  String platforms(Model model) {
    model.addAttribute("section", "platforms");
    model.addAttribute("platforms", platforms.platforms());
    model.addAttribute("routes", platforms.routes());
    model.addAttribute("models", generations.models());
    model.addAttribute("billing", billing);
    return "admin/platforms";
  }
}
