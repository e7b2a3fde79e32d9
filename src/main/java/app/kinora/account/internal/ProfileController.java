package app.kinora.account.internal;

import app.kinora.shared.SafeRedirect;
import app.kinora.shared.UserPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The account page: profile (name, email, language), password, and the security sections. */
@Controller
class ProfileController {

  static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es", "it", "nl", "pl", "pt", "sv");

  private final Users users;
  private final CredentialChanges credentials;
  private final AccountSecurityModel security;

  ProfileController(Users users, CredentialChanges credentials, AccountSecurityModel security) {
    this.users = users;
    this.credentials = credentials;
    this.security = security;
  }

  @GetMapping("/account")
  String page(
      @AuthenticationPrincipal UserPrincipal user, Model model, HttpServletRequest request) {
    var profile = users.profile(user.userId()).orElseThrow();
    model.addAttribute("profile", profile);
    model.addAttribute("initials", initials(profile.account().displayName()));
    model.addAttribute(
        "languages", LANGUAGES.stream().sorted().map(code -> new Language(code)).toList());
    security.addTo(model, user.userId(), request);
    return "account/account";
  }

  record Language(String code) {
    public String name() {
      return Locale.forLanguageTag(code).getDisplayLanguage(Locale.forLanguageTag(code));
    }
  }

  @PostMapping("/account/profile")
  String profile(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String language,
      RedirectAttributes flash) {
    var name = displayName.strip();
    if (name.isEmpty() || name.length() > AccountManagement.MAX_NAME) {
      flash.addFlashAttribute(
          "error", "Use a display name of 1 to " + AccountManagement.MAX_NAME + " characters.");
      return "redirect:/account";
    }
    users.updateProfile(user.userId(), name, LANGUAGES.contains(language) ? language : null);
    flash.addFlashAttribute("notice", "Your profile is saved.");
    return "redirect:/account";
  }

  @PostMapping("/account/password")
  String password(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String newPassword,
      HttpServletRequest request,
      RedirectAttributes flash) {
    try {
      credentials.changePassword(
          user.userId(), currentPassword, newPassword, request.getSession().getId());
      flash.addFlashAttribute(
          "notice", "Your password is changed. Your other sessions were signed out.");
    } catch (SignUpRejected e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/account";
  }

  @PostMapping("/account/email")
  String email(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String currentPassword,
      @RequestParam(defaultValue = "") String email,
      RedirectAttributes flash) {
    try {
      credentials.requestEmailChange(user.userId(), currentPassword, email);
      flash.addFlashAttribute(
          "notice", "We sent a link to the new address. Your email changes when you open it.");
    } catch (SignUpRejected e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/account";
  }

  @GetMapping("/account/email/confirm")
  String confirmEmail(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("changed", credentials.confirmEmailChange(token));
    return "account/email-changed";
  }

  @PostMapping("/account/verify/resend")
  String resend(@AuthenticationPrincipal UserPrincipal user, RedirectAttributes flash) {
    credentials.resendVerification(user.userId());
    flash.addFlashAttribute("notice", "We sent you a new confirmation link.");
    return "redirect:/account";
  }

  /** Hides the "confirm your email" banner for the rest of this session. */
  @PostMapping("/account/confirm-email-banner/dismiss")
  String dismissConfirmEmailBanner(
      @RequestParam(name = "return", defaultValue = "/") String returnTo,
      HttpServletRequest request) {
    request.getSession().setAttribute(EmailConfirmationBanner.DISMISSED, true);
    return SafeRedirect.to(returnTo, "/");
  }

  static String initials(String name) {
    var initials = new StringBuilder();
    for (var word : name.strip().split("[\\s._-]+")) {
      if (!word.isEmpty() && initials.length() < 2) {
        initials.appendCodePoint(Character.toUpperCase(word.codePointAt(0)));
      }
    }
    return initials.isEmpty() ? "?" : initials.toString();
  }
}
