package app.kinora.account.internal;

import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Sessions (list, revoke, sign out everywhere — optionally with the API keys), TOTP and linked sign-in providers. */
@Controller
class SecuritySettingsController {

  private static final String TOTP_SETUP = "kinora.totpSetup";

  private final Users users;
  private final UserSessions sessions;
  private final Totp totp;
  private final RecoveryCodes recoveryCodes;
  private final Identities identities;
  private final SecurityAudit audit;
  private final ApiKeys apiKeys;

  SecuritySettingsController(
      Users users,
      UserSessions sessions,
      Totp totp,
      RecoveryCodes recoveryCodes,
      Identities identities,
      SecurityAudit audit,
      ApiKeys apiKeys) {
    this.audit = audit;
    this.apiKeys = apiKeys;
    this.users = users;
    this.sessions = sessions;
    this.totp = totp;
    this.recoveryCodes = recoveryCodes;
    this.identities = identities;
  }

  @PostMapping("/account/sessions/{handle}/revoke")
  String revoke(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String handle,
      RedirectAttributes flash) {
    flash.addFlashAttribute(
        "notice",
        sessions.revoke(user.userId(), handle)
            ? "That session is signed out."
            : "That session had already ended.");
    return "redirect:/account#sessions";
  }

  /** Ends every session of the user, this one too, and if asked revokes their API keys. */
  @PostMapping("/account/sessions/end-all")
  String signOutEverywhere(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "false") boolean revokeApiKeys,
      HttpServletRequest request) {
    sessions.endAll(user.userId(), null);
    var keys = revokeApiKeys ? apiKeys.revokeAll(user.userId()) : 0;
    audit.byOwner(
        user.userId(), "signed_out_everywhere", revokeApiKeys ? "API keys revoked: " + keys : "");
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return "redirect:/login?everywhere";
  }

  @GetMapping("/account/totp")
  String setup(@AuthenticationPrincipal UserPrincipal user, HttpSession session, Model model) {
    var secret = (String) session.getAttribute(TOTP_SETUP);
    if (secret == null) {
      secret = totp.newSecret();
      session.setAttribute(TOTP_SETUP, secret);
    }
    var account = users.find(user.userId()).orElseThrow();
    model.addAttribute("secret", secret.replaceAll("(.{4})", "$1 ").strip());
    model.addAttribute("qr", TotpEnrolment.qrDataUri(totp.otpauthUri(secret, account.email())));
    return "account/totp-setup";
  }

  @PostMapping("/account/totp")
  @Transactional
  String enable(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String code,
      HttpSession session,
      Model model,
      RedirectAttributes flash) {
    var secret = (String) session.getAttribute(TOTP_SETUP);
    if (secret == null || !totp.verify(secret, code)) {
      flash.addFlashAttribute(
          "error", "That code is not right. Enter the 6 digits your app shows now.");
      return "redirect:/account/totp";
    }
    session.removeAttribute(TOTP_SETUP);
    users.enableTotp(user.userId(), secret);
    audit.byOwner(user.userId(), "two_step_on", "");
    model.addAttribute("codes", recoveryCodes.renew(user.userId()));
    return "account/recovery-codes";
  }

  @PostMapping("/account/totp/disable")
  @Transactional
  String disable(@AuthenticationPrincipal UserPrincipal user, RedirectAttributes flash) {
    users.disableTotp(user.userId());
    audit.byOwner(user.userId(), "two_step_off", "");
    recoveryCodes.deleteAll(user.userId());
    flash.addFlashAttribute("notice", "Two-step sign-in is off.");
    return "redirect:/account";
  }

  @PostMapping("/account/identities/{provider}/link")
  String link(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String provider,
      HttpSession session) {
    if (!provider.matches("[A-Za-z0-9_-]{1,40}")) {
      return "redirect:/account";
    }
    session.setAttribute(FederatedSignIn.LINKING, user.userId());
    return "redirect:/oauth2/authorization/" + provider;
  }

  @PostMapping("/account/identities/{provider}/unlink")
  @Transactional
  String unlink(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String provider,
      RedirectAttributes flash) {
    var hasPassword = users.credentials(user.userId()).orElseThrow().passwordHash() != null;
    var others = identities.list(user.userId()).stream()
        .filter(identity -> !identity.provider().equals(provider))
        .count();
    if (!hasPassword && others == 0) {
      flash.addFlashAttribute(
          "error",
          "This is your only way to sign in. Set a password or link another provider first.");
    } else if (identities.unlink(user.userId(), provider)) {
      audit.byOwner(user.userId(), "provider_unlinked", provider);
      flash.addFlashAttribute("notice", "The provider is unlinked.");
    }
    return "redirect:/account#sign-in";
  }
}
