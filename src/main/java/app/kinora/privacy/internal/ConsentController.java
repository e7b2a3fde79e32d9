package app.kinora.privacy.internal;

import app.kinora.privacy.Consents;
import app.kinora.shared.SafeRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The banner's buttons and the cookie settings page. "Reject all" is one click, like "Accept
 * all"; the settings page changes the choice later. Plain forms: no script needed.
 */
@Controller
class ConsentController {

  private final Consents consents;

  ConsentController(Consents consents) {
    this.consents = consents;
  }

  @GetMapping("/privacy/cookies")
  String settings(HttpServletRequest request, Model model) {
    model.addAttribute("current", consents.current(request));
    return "privacy/cookies";
  }

  @PostMapping("/privacy/cookies")
  String choose(
      @RequestParam String choice,
      @RequestParam(defaultValue = "false") boolean preferences,
      @RequestParam(defaultValue = "false") boolean analytics,
      @RequestParam(name = "return", defaultValue = "") String returnTo,
      HttpServletRequest request,
      HttpServletResponse response) {
    switch (choice) {
      case "accept" -> consents.choose(request, response, true, true);
      case "reject" -> consents.choose(request, response, false, false);
      case "save" -> consents.choose(request, response, preferences, analytics);
      default ->
        throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Choose accept, reject or save.");
    }
    return SafeRedirect.to(returnTo, "/privacy/cookies?saved");
  }
}
