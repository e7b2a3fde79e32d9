package app.kinora.account.internal;

import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: email and password, and a button per configured sign-in provider. */
@Controller
class SignInPages {

  private final ObjectProvider<InMemoryClientRegistrationRepository> registrations;

  SignInPages(ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
    this.registrations = registrations;
  }

  /** A provider the user can sign in with. */
  record Provider(String id, String name) {}

  /** The email of a refused attempt, kept for the page that asks again (never the password). */
  static final String TYPED_EMAIL = SignInPages.class.getName() + ".typedEmail";

  @GetMapping("/login")
  String signInPage(Model model, jakarta.servlet.http.HttpServletRequest request) {
    model.addAttribute("providers", providers());
    var session = request.getSession(false);
    if (session != null && session.getAttribute(TYPED_EMAIL) instanceof String email) {
      session.removeAttribute(TYPED_EMAIL); // once: a reload starts afresh
      model.addAttribute("typedEmail", email);
    }
    return "account/login";
  }

  List<Provider> providers() {
    var repository = registrations.getIfAvailable();
    if (repository == null) {
      return List.of();
    }
    var providers = new java.util.ArrayList<Provider>();
    for (ClientRegistration registration : repository) {
      providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
    }
    return providers;
  }

  /**
   * Sign-ins refused, by reason: {@code credentials} (a wrong email or password), {@code code} (a
   * wrong second-step code), {@code throttled} (too many of those).
   */
  static final String REFUSED = "kinora.signin.refused";

  /** A wait in whole minutes, at least one. */
  static long minutes(Duration wait) {
    return Math.max(1, (wait.toSeconds() + 59) / 60);
  }

  static String tooManyAttempts(Duration wait) {
    var minutes = minutes(wait);
    return "Too many attempts. For your safety, please wait " + minutes
        + (minutes == 1 ? " minute" : " minutes") + " and try again, or reset your password.";
  }
}
