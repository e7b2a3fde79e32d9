package app.kinora.admin.internal;

import app.kinora.account.AccountAdministration;
import app.kinora.generation.GenerationAdministration;
import app.kinora.media.MediaUploads;
import app.kinora.privacy.AccountClosures;
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
 * What goes beyond an account's numbers. A user's prompts are not shown by default (purpose
 * limitation): an operator opens a case with a reason, which the audit trail keeps — and so the
 * user's own export lists it — and for a day that operator sees what the account asked for, its
 * videos and its uploads ({@link CaseFilesController}). A
 * closure asked for by email or post is started here as the owner would start it.
 */
@Controller
class CaseController {

  private static final int REQUESTS = 50;
  private static final int UPLOADS = 50;

  private final AccountAdministration accounts;
  private final GenerationAdministration generations;
  private final AccountClosures closures;
  private final OpenCases cases;
  private final MediaUploads uploads;
  private final ConsoleAudit audit;

  CaseController(
      AccountAdministration accounts,
      GenerationAdministration generations,
      AccountClosures closures,
      OpenCases cases,
      MediaUploads uploads,
      ConsoleAudit audit) {
    this.accounts = accounts;
    this.generations = generations;
    this.closures = closures;
    this.cases = cases;
    this.uploads = uploads;
    this.audit = audit;
  }

  @PostMapping("/admin/users/{id}/case")
  String open(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id + "/case", () -> {
      var why = ConsoleAudit.reason(reason);
      audit.record(operator, "case_opened", account, why, "prompts and media shown for a day");
      return "Case opened: you see this account's requests, videos and uploads for a day. The account's own data export lists it.";
    });
  }

  @GetMapping("/admin/users/{id}/case")
  String view(@AuthenticationPrincipal UserPrincipal operator, @PathVariable UUID id, Model model) {
    var account = account(id);
    var open = cases.of(operator.userId(), account);
    model.addAttribute("section", "users");
    model.addAttribute("account", accounts.summary(account).orElseThrow());
    model.addAttribute("openCase", open.orElse(null));
    // what the account asked for and sent: only in an open case (purpose limitation)
    model.addAttribute(
        "requests",
        open.isPresent() ? generations.requests(account, REQUESTS) : java.util.List.of());
    model.addAttribute(
        "uploads", open.isPresent() ? uploads.newest(account, UPLOADS) : java.util.List.of());
    return "admin/case";
  }

  @PostMapping("/admin/users/{id}/closure")
  String close(
      @AuthenticationPrincipal UserPrincipal operator,
      @PathVariable UUID id,
      @RequestParam(defaultValue = "") String reason,
      RedirectAttributes flash) {
    var account = account(id);
    return ConsoleActions.act(flash, "/admin/users/" + id, () -> {
      var why = ConsoleAudit.reason(reason);
      if (accounts.summary(account).orElseThrow().operator()) {
        throw new IllegalStateException("An operator's account is not closed from here.");
      }
      var eraseAfter = closures.schedule(account);
      accounts.endSessions(account);
      audit.record(operator, "closure_started", account, why, "erasure after " + eraseAfter);
      return "Closure started: signed out everywhere; the account's data is erased after "
          + eraseAfter.toString().substring(0, 10)
          + " unless its owner signs in before.";
    });
  }

  private UserId account(UUID id) {
    var user = new UserId(id);
    if (accounts.summary(user).isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return user;
  }
}
