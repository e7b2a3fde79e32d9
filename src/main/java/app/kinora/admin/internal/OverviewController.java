package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.billing.CreditTotals;
import app.kinora.generation.GenerationAdministration;
import app.kinora.safety.SafetyAdministration;
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
  private final Clock clock;

  OverviewController(
      GenerationAdministration generations,
      CreditTotals credits,
      AccountAdministration accounts,
      SafetyAdministration safety,
      SetupCheck setup,
      Clock clock) {
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
    model.addAttribute("stats", generations.overview(since));
    model.addAttribute("credits", credits.since(since));
    model.addAttribute("accounts", accounts.counts());
    model.addAttribute("flags", safety.flags());
    model.addAttribute("missing", setup.missing());
    return "admin/overview";
  }
}
