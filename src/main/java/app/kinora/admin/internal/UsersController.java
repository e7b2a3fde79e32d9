package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.account.AccountSummary;
import app.kinora.audit.AuditTrail;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.GenerationAdministration;
import app.kinora.safety.SafetyAdministration;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Users: search by email or name, an account's balance, holds, status and recent videos (never
 * their prompts), and the operator's changes, each with a reason.
 */
@Controller
class UsersController {

  private static final int RESULTS = 50;
  private static final long MAX_CREDITS = 1_000_000;

  private final AccountAdministration accounts;
  private final CreditLedger ledger;
  private final GenerationAdministration generations;
  private final SafetyAdministration safety;
  private final AuditTrail trail;
  private final ConsoleAudit audit;

  UsersController(
      AccountAdministration accounts,
      CreditLedger ledger,
      GenerationAdministration generations,
      SafetyAdministration safety,
      AuditTrail trail,
      ConsoleAudit audit) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.generations = generations;
    this.safety = safety;
    this.trail = trail;
    this.audit = audit;
  }

  @GetMapping("/admin/users")
  String users(@RequestParam(defaultValue = "") String q, Model model) {
    model.addAttribute("section", "users");
    model.addAttribute("q", q);
    model.addAttribute("users", accounts.search(q, RESULTS));
    return "admin/users";
  }

  @GetMapping("/admin/users/{id}")
  String user(@PathVariable UUID id, Model model) {
    var account = account(id);
    model.addAttribute("section", "users");
    model.addAttribute("account", account);
    model.addAttribute("balance", ledger.balance(account.id()));
    model.addAttribute(
        "videos",
        generations.search(
            new GenerationAdministration.Filter(account.id(), null, null, null), 20));
    model.addAttribute(
        "flag",
        safety.flags().stream()
            .filter(f -> f.user().equals(account.id()))
            .findFirst()
            .orElse(null));
    model.addAttribute(
        "events", trail.search(new AuditTrail.Filter(null, null, account.id(), null, null), 30));
    return "admin/user";
  }

  /** Grants (a positive number) or takes back (a negative one) credits by email: a ledger adjustment. */
  @PostMapping("/admin/credits")
  String creditsByEmail(
      @AuthenticationPrincipal UserPrincipal operator,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = accounts.findByEmail(email);
    if (account.isEmpty()) {
      flash.addFlashAttribute("error", "No account uses that email address.");
      return "redirect:/admin/users";
    }
    return adjust(operator, account.get(), amount, reason, flash);
  }

  @PostMapping("/admin/users/{id}/credits")
  String credits(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String amount,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    return adjust(operator, account(id), amount, reason, flash);
  }

  private String adjust(
      UserPrincipal operator,
      AccountSummary account,
      String amount,
      String reason,
      RedirectAttributes flash) {
    return ConsoleActions.act(flash, "/admin/users/" + account.id(), () -> {
      var credits = credits(amount);
      var why = ConsoleAudit.reason(reason);
      ledger.adjust(account.id(), credits, why, "operator:" + operator.userId());
      audit.record(
          operator,
          credits.isNegative() ? "credits_taken" : "credits_granted",
          account.id(),
          why,
          Math.abs(credits.value()) + " credits");
      return credits.isNegative()
          ? "Took %d credits from %s.".formatted(-credits.value(), account.email())
          : "Granted %s to %s.".formatted(credits, account.email());
    });
  }

  @PostMapping("/admin/users/{id}/suspend")
  String suspend(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      if (account.operator()) {
        throw new IllegalStateException("An operator's account cannot be suspended here.");
      }
      if (!accounts.suspend(account.id(), why)) {
        throw new IllegalStateException("The account is suspended already.");
      }
      int stopped = generations.cancelAll(account.id());
      audit.record(operator, "account_suspended", account.id(), why, stopped + " videos stopped");
      return "Suspended. Signed out everywhere; %d running videos stopped and refunded."
          .formatted(stopped);
    });
  }

  @PostMapping("/admin/users/{id}/reinstate")
  String reinstate(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      if (!accounts.reinstate(account.id())) {
        throw new IllegalStateException("The account is not suspended.");
      }
      audit.record(operator, "account_reinstated", account.id(), why, null);
      return "Reinstated: the account can sign in again.";
    });
  }

  @PostMapping("/admin/users/{id}/verification")
  String resendVerification(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      if (!accounts.resendVerification(account.id())) {
        throw new IllegalStateException("The address is confirmed already.");
      }
      audit.record(operator, "verification_resent", account.id(), why, null);
      return "A new confirmation link was sent to " + account.email() + ".";
    });
  }

  private AccountSummary account(UUID id) {
    return accounts
        .summary(new UserId(id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  private static Credits credits(String amount) {
    long value;
    try {
      value = Long.parseLong(amount.strip().replace("+", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Enter a whole number of credits: positive to give, negative to take back.");
    }
    if (value == 0 || value > MAX_CREDITS || value < -MAX_CREDITS) {
      throw new IllegalArgumentException(
          "Enter a number of credits between 1 and " + MAX_CREDITS + " (negative to take back).");
    }
    return Credits.of(value);
  }
}
