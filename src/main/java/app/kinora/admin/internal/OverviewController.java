package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.CreditTotals;
import app.kinora.generation.GenerationAdministration;
import app.kinora.safety.SafetyAdministration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
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
  private final ModelMargins margins;
  private final BillingProperties billing;
  private final Clock clock;

  OverviewController(
      GenerationAdministration generations,
      CreditTotals credits,
      AccountAdministration accounts,
      SafetyAdministration safety,
      SetupCheck setup,
      ModelMargins margins,
      BillingProperties billing,
      Clock clock) {
    this.margins = margins;
    this.billing = billing;
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
    var margins = this.margins.since(since);
    model.addAttribute("margins", margins);
    model.addAttribute("platformCost", total(margins, ModelMargins.Margin::costUsd));
    model.addAttribute("estimatedCost", total(margins, ModelMargins.Margin::estimatedPart));
    model.addAttribute("creditsPerUsd", billing.pricing().creditsPerUsd());
    model.addAttribute("credits", credits.since(since));
    model.addAttribute("accounts", accounts.counts());
    model.addAttribute("flags", safety.flags());
    model.addAttribute("missing", setup.missing());
    return "admin/overview";
  }

  /** The sum over the models; null when no video went to a platform. */
  private static BigDecimal total(
      List<ModelMargins.Margin> margins, Function<ModelMargins.Margin, BigDecimal> of) {
    return margins.isEmpty()
        ? null
        : margins.stream().map(of).reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
