package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.safety.SafetyAdministration;
import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An account's fair-use settings from its console page: new videos suspended or not, queue priority. */
@Controller
class AccountFairUseController {

  private final AccountAdministration accounts;
  private final SafetyAdministration safety;
  private final ConsoleAudit audit;

  AccountFairUseController(
      AccountAdministration accounts, SafetyAdministration safety, ConsoleAudit audit) {
    this.accounts = accounts;
    this.safety = safety;
    this.audit = audit;
  }

  @PostMapping("/admin/users/{id}/submissions")
  String submissions(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String action,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      if ("allow".equals(action)) {
        if (!safety.liftSuspension(account.id())) {
          throw new IllegalStateException("This account's videos are not suspended.");
        }
        audit.record(operator, "submissions_allowed", account.id(), why, null);
        return "The account may ask for videos again.";
      }
      if (!safety.suspendSubmissions(account.id(), why)) {
        throw new IllegalStateException("This account's videos are suspended already.");
      }
      audit.record(operator, "submissions_suspended", account.id(), why, null);
      return "New videos are suspended for this account.";
    });
  }

  @PostMapping("/admin/users/{id}/priority")
  String priority(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String priority,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      int value;
      try {
        value = Integer.parseInt(priority.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("A priority is a whole number from -10 to 10.");
      }
      safety.setPriority(account.id(), value);
      audit.record(operator, "queue_priority", account.id(), why, "priority " + value);
      return "Queue priority set to " + value + ".";
    });
  }

  private app.kinora.account.AccountSummary account(UUID id) {
    return accounts
        .summary(new UserId(id))
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
