package app.kinora.account.internal;

import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the account page shows about sessions, sign-in methods and the second factor. */
@Component
class AccountSecurityModel {

  private final UserSessions sessions;
  private final Identities identities;
  private final SignInPages signInPages;
  private final RecoveryCodes recoveryCodes;

  AccountSecurityModel(
      UserSessions sessions,
      Identities identities,
      SignInPages signInPages,
      RecoveryCodes recoveryCodes) {
    this.sessions = sessions;
    this.identities = identities;
    this.signInPages = signInPages;
    this.recoveryCodes = recoveryCodes;
  }

  void addTo(Model model, UserId user, HttpServletRequest request) {
    var session = request.getSession(false);
    model.addAttribute("sessions", sessions.list(user, session == null ? null : session.getId()));
    var linked = identities.list(user);
    model.addAttribute("identities", linked);
    model.addAttribute(
        "linkable",
        signInPages.providers().stream()
            .filter(provider ->
                linked.stream().noneMatch(identity -> identity.provider().equals(provider.id())))
            .toList());
    model.addAttribute("recoveryCodesLeft", recoveryCodes.remaining(user));
  }
}
