package app.kinora.account.internal;

import app.kinora.privacy.AccountClosures;
import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Closing an account (P10): confirmed with the password (or, for accounts without one, the
 * email address), then every session ends and every API key is revoked at once; the data is
 * erased after the grace period unless the owner signs in again.
 */
@Controller
class AccountClosureController {

  private final Users users;
  private final PasswordEncoder passwords;
  private final AccountClosures closures;
  private final ApiKeys apiKeys;
  private final UserSessions sessions;

  AccountClosureController(
      Users users,
      PasswordEncoder passwords,
      AccountClosures closures,
      ApiKeys apiKeys,
      UserSessions sessions) {
    this.users = users;
    this.passwords = passwords;
    this.closures = closures;
    this.apiKeys = apiKeys;
    this.sessions = sessions;
  }

  @GetMapping("/account/close")
  String page(@AuthenticationPrincipal UserPrincipal user, Model model) {
    var credentials = users.credentials(user.userId()).orElseThrow();
    model.addAttribute("hasPassword", credentials.passwordHash() != null);
    model.addAttribute("graceDays", closures.gracePeriod().toDays());
    return "account/close";
  }

  @PostMapping("/account/close")
  String close(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String confirmation,
      HttpServletRequest request,
      Model model) {
    var credentials = users.credentials(user.userId()).orElseThrow();
    boolean confirmed = credentials.passwordHash() != null
        ? passwords.matches(confirmation, credentials.passwordHash())
        : credentials.account().email().equalsIgnoreCase(confirmation.strip());
    if (!confirmed) {
      model.addAttribute("hasPassword", credentials.passwordHash() != null);
      model.addAttribute("graceDays", closures.gracePeriod().toDays());
      model.addAttribute(
          "error",
          credentials.passwordHash() != null
              ? "That is not your password."
              : "Type the email address of this account to confirm.");
      return "account/close";
    }
    var eraseAfter = closures.schedule(user.userId());
    apiKeys.revokeAll(user.userId());
    sessions.endAll(user.userId(), null);
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/account/closed?on=" + LocalDate.ofInstant(eraseAfter, ZoneOffset.UTC);
  }

  /** Shown after closing, signed out; the date comes from the closure just made. */
  @GetMapping("/account/closed")
  String closed(@RequestParam(defaultValue = "") String on, Model model) {
    model.addAttribute("on", on.matches("\\d{4}-\\d{2}-\\d{2}") ? on : "");
    return "account/closed";
  }

  @GetMapping("/account/closure-cancelled")
  String cancelled() {
    return "account/closure-cancelled";
  }
}
