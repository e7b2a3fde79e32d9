package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.billing.CreditTotals;
import app.kinora.billing.ProviderCosts;
import app.kinora.generation.GenerationAdministration;
import app.kinora.safety.SafetyAdministration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's first page: the last 24 hours at a glance, and what needs the operator. */
@Controller
class OverviewController {

  private static final Duration PERIOD = Duration.ofHours(24);

  private final GenerationAdministration generations;
  private final CreditTotals credits;
  private final AccountAdministration accounts;
  private final SafetyAdministration safety;
  private final SetupCheck setup;
  private final ProviderCosts costs;
  private final Clock clock;

  OverviewController(
      GenerationAdministration generations,
      CreditTotals credits,
      AccountAdministration accounts,
      SafetyAdministration safety,
      SetupCheck setup,
      ProviderCosts costs,
      Clock clock) {
    this.costs = costs;
    this.generations = generations;
    this.credits = credits;
    this.accounts = accounts;
    this.safety = safety;
    this.setup = setup;
    this.clock = clock;
  }

  @GetMapping("/admin")
  String overview(Model model) {
    var since = clock.instant().minus(PERIOD);
    model.addAttribute("section", "overview");
    model.addAttribute("now", clock.instant());
    var stats = generations.overview(since);
    model.addAttribute("stats", stats);
    model.addAttribute("platformCost", platformCost(stats));
    model.addAttribute("credits", credits.since(since));
    model.addAttribute("accounts", accounts.counts());
    model.addAttribute("flags", safety.flags());
    model.addAttribute("missing", setup.missing());
    return "admin/overview";
  }

  /**
   * What the platforms charged for the videos made, in US dollars, from their published prices;
   * null when no model made has a known price (the local renderer costs nothing).
   */
  private BigDecimal platformCost(GenerationAdministration.Overview stats) {
    BigDecimal total = null;
    for (var entry : stats.completedSeconds().entrySet()) {
      var price = costs.usdPerSecond(entry.getKey());
      if (price.isPresent()) {
        var cost = price.get().multiply(BigDecimal.valueOf(entry.getValue()));
        total = total == null ? cost : total.add(cost);
      }
    }
    return total == null ? null : total.setScale(2, RoundingMode.HALF_UP);
  }
}
