package app.kinora.privacy.internal;

import app.kinora.privacy.PrivacyRequest;
import app.kinora.privacy.PrivacyRequests;
import app.kinora.shared.UserPrincipal;
import java.time.Clock;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operators' queue of privacy requests received by email or post: log, verify, extend,
 * carry out, close. Overdue requests come first and stand out. Only operators see it; anyone
 * else gets a 404, as for any page that is not theirs.
 */
@Controller
class PrivacyRequestsController {

  private final PrivacyRequests requests;
  private final VerificationMail mail;
  private final Clock clock;

  PrivacyRequestsController(PrivacyRequests requests, VerificationMail mail, Clock clock) {
    this.requests = requests;
    this.mail = mail;
    this.clock = clock;
  }

  @GetMapping("/admin/privacy-requests")
  String queue(Authentication authentication, Model model) {
    operator(authentication);
    model.addAttribute("open", requests.open());
    model.addAttribute("closed", requests.closed(20));
    model.addAttribute("now", clock.instant());
    model.addAttribute("kinds", PrivacyRequest.Kind.values());
    model.addAttribute("jurisdictions", PrivacyRequest.Jurisdiction.values());
    return "admin/privacy-requests";
  }

  @PostMapping("/admin/privacy-requests")
  String log(
      Authentication authentication,
      @RequestParam PrivacyRequest.Kind kind,
      @RequestParam String email,
      @RequestParam String channel,
      @RequestParam PrivacyRequest.Jurisdiction jurisdiction,
      RedirectAttributes flash) {
    return act(
        flash,
        () -> requests.log(kind, email, channel, jurisdiction, operator(authentication)),
        "Request logged.");
  }

  @PostMapping("/admin/privacy-requests/{id}/verify")
  String verify(Authentication authentication, @PathVariable UUID id, RedirectAttributes flash) {
    return act(
        flash,
        () -> mail.send(requests.startVerification(id, operator(authentication))),
        "A confirmation link was sent to the account's address.");
  }

  @PostMapping("/admin/privacy-requests/{id}/extend")
  String extend(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam String reason,
      RedirectAttributes flash) {
    return act(
        flash, () -> requests.extend(id, reason, operator(authentication)), "Due date extended.");
  }

  @PostMapping("/admin/privacy-requests/{id}/execute")
  String execute(Authentication authentication, @PathVariable UUID id, RedirectAttributes flash) {
    var operator = operator(authentication);
    try {
      flash.addFlashAttribute(
          "notice", "Done. " + requests.execute(id, operator).outcome());
    } catch (IllegalArgumentException | IllegalStateException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/privacy-requests";
  }

  @PostMapping("/admin/privacy-requests/{id}/close")
  String close(
      Authentication authentication,
      @PathVariable UUID id,
      @RequestParam boolean completed,
      @RequestParam String outcome,
      RedirectAttributes flash) {
    return act(
        flash,
        () -> requests.close(id, completed, outcome, operator(authentication)),
        "Request closed.");
  }

  /** The requester's confirmation link: no sign-in needed, the token is the proof. */
  @GetMapping("/privacy/requests/confirm")
  String confirm(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("confirmed", requests.verify(token).isPresent());
    return "privacy/request-confirmed";
  }

  private String act(RedirectAttributes flash, Runnable action, String done) {
    try {
      action.run();
      flash.addFlashAttribute("notice", done);
    } catch (IllegalArgumentException | IllegalStateException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/admin/privacy-requests";
  }

  private static app.kinora.shared.UserId operator(Authentication authentication) {
    boolean isOperator = authentication != null
        && authentication.getAuthorities().stream()
            .anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))
        && authentication.getPrincipal() instanceof UserPrincipal;
    if (!isOperator) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    return ((UserPrincipal) authentication.getPrincipal()).userId();
  }
}
