package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.safety.SafetyAdministration;
import app.kinora.shared.UserPrincipal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The blocked terms, the screening settings, flagged accounts and the latest refusals. */
@Controller
class SafetyController {

  private final SafetyAdministration safety;
  private final AccountAdministration accounts;
  private final ConsoleAudit audit;

  SafetyController(
      SafetyAdministration safety, AccountAdministration accounts, ConsoleAudit audit) {
    this.safety = safety;
    this.accounts = accounts;
    this.audit = audit;
  }

  @GetMapping("/admin/safety")
  String safety(Model model) {
    model.addAttribute("section", "safety");
    model.addAttribute("terms", safety.terms());
    model.addAttribute("categories", safety.categories());
    model.addAttribute("settings", safety.settings());
    model.addAttribute("flags", safety.flags());
    model.addAttribute("blocks", safety.recentBlocks(50));
    model.addAttribute("domains", accounts.refusedDomains());
    return "admin/safety";
  }

  @PostMapping("/admin/safety/terms")
  String addTerm(
      @AuthenticationPrincipal UserPrincipal operator,
      @RequestParam(defaultValue = "") String category,
      @RequestParam(defaultValue = "") String pattern,
      @RequestParam(defaultValue = "false") boolean regex,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/safety", () -> {
      var why = ConsoleAudit.reason(reason);
      safety.addTerm(category, pattern, regex);
      audit.record(operator, "blocked_term_added", null, why, category);
      return "Added to the list.";
    });
  }

  @PostMapping("/admin/safety/terms/{id}/delete")
  String removeTerm(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable long id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/safety", () -> {
      var why = ConsoleAudit.reason(reason);
      if (!safety.removeTerm(id)) {
        throw new IllegalStateException("That term is not on the list.");
      }
      audit.record(operator, "blocked_term_removed", null, why, "term " + id);
      return "Removed from the list.";
    });
  }

  @PostMapping("/admin/safety/domains")
  String refuseDomain(
      @AuthenticationPrincipal UserPrincipal operator,
      @RequestParam(defaultValue = "") String domain,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/safety", () -> {
      var why = ConsoleAudit.reason(reason);
      if (!accounts.refuseDomain(domain, why)) {
        throw new IllegalStateException("That domain is refused already.");
      }
      audit.record(operator, "email_domain_refused", null, why, domain.strip());
      return "Sign-ups with addresses at " + domain.strip() + " are refused from now on.";
    });
  }

  @PostMapping("/admin/safety/domains/allow")
  String allowDomain(
      @AuthenticationPrincipal UserPrincipal operator,
      @RequestParam(defaultValue = "") String domain,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/safety", () -> {
      var why = ConsoleAudit.reason(reason);
      if (!accounts.allowDomain(domain)) {
        throw new IllegalStateException("That domain is not refused.");
      }
      audit.record(operator, "email_domain_allowed", null, why, domain.strip());
      return "Addresses at " + domain.strip() + " are accepted again.";
    });
  }

  @PostMapping("/admin/safety/settings")
  String settings(
      @AuthenticationPrincipal UserPrincipal operator,
      @RequestParam(defaultValue = "false") boolean failClosed,
      @RequestParam(defaultValue = "false") boolean keepPrompts,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/safety", () -> {
      var why = ConsoleAudit.reason(reason);
      safety.changeSettings(failClosed, keepPrompts);
      audit.record(
          operator,
          "safety_settings",
          null,
          why,
          (failClosed ? "fail closed" : "fail open")
              + (keepPrompts ? ", refused prompts kept" : ", refused prompts not kept"));
      return "Settings saved.";
    });
  }
}
