package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.privacy.PolicyDocuments;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up after a provider vouched for the person: the same age gate and terms as the form,
 * before the account exists. A refusal forgets what the provider said.
 */
@Controller
class FederatedSignUpController {

  private final AccountManagement accounts;
  private final Identities identities;
  private final Users users;
  private final AccountEmails emails;
  private final SignInFlow signIn;
  private final RequestContexts requestContexts;
  private final AccountProperties properties;
  private final PolicyDocuments policies;
  private final TransactionTemplate transactions;

  FederatedSignUpController(
      AccountManagement accounts,
      Identities identities,
      Users users,
      AccountEmails emails,
      SignInFlow signIn,
      RequestContexts requestContexts,
      AccountProperties properties,
      PolicyDocuments policies,
      TransactionTemplate transactions) {
    this.accounts = accounts;
    this.identities = identities;
    this.users = users;
    this.emails = emails;
    this.signIn = signIn;
    this.requestContexts = requestContexts;
    this.properties = properties;
    this.policies = policies;
    this.transactions = transactions;
  }

  @GetMapping("/signup/provider")
  String page(HttpSession session, Model model, HttpServletRequest request) {
    var pending = (FederatedSignIn.PendingSignUp) session.getAttribute(FederatedSignIn.PENDING);
    if (pending == null) {
      return "redirect:/login";
    }
    return form(
        model,
        pending,
        "",
        request.getLocale().getCountry(),
        pending.email() == null ? "" : pending.email());
  }

  @PostMapping("/signup/provider")
  String signUp(
      @RequestParam(defaultValue = "") String birthDate,
      @RequestParam(defaultValue = "") String country,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "false") boolean acceptsTerms,
      HttpSession session,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    var pending = (FederatedSignIn.PendingSignUp) session.getAttribute(FederatedSignIn.PENDING);
    if (pending == null) {
      return "redirect:/login";
    }
    try {
      accounts.checkAge(parse(birthDate), country);
      var address = pending.email() != null ? pending.email() : AccountManagement.checkEmail(email);
      if (!acceptsTerms) {
        throw new SignUpRejected(
            "acceptsTerms", "Please accept the terms and the privacy policy to continue.");
      }
      session.removeAttribute(FederatedSignIn.PENDING);
      if (users.existsByEmail(address)) {
        emails.sendAccountExists(address);
        return "redirect:/signup/sent";
      }
      var account = transactions.execute(status -> {
        var created = accounts.createFederated(
            address,
            pending.name(),
            pending.email() != null && pending.emailVerified(),
            parse(birthDate),
            country);
        identities.link(created.id(), pending.provider(), pending.subject());
        return created;
      });
      requestContexts.record(account.id(), RequestContexts.Activity.SIGN_UP, request);
      signIn.firstFactorPassed(account.id(), request, response);
      return null;
    } catch (UnderMinimumAge e) {
      session.removeAttribute(FederatedSignIn.PENDING);
      return "account/too-young";
    } catch (SignUpRejected e) {
      model.addAttribute("errorField", e.field());
      model.addAttribute("error", e.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, pending, birthDate, country, email);
    }
  }

  private String form(
      Model model,
      FederatedSignIn.PendingSignUp pending,
      String birthDate,
      String country,
      String email) {
    model.addAttribute("pending", pending);
    model.addAttribute("birthDate", birthDate);
    model.addAttribute("country", country);
    model.addAttribute("email", email);
    model.addAttribute("countries", Countries.all());
    model.addAttribute("termsVersion", policies.current("terms").version());
    model.addAttribute("privacyVersion", policies.current("privacy").version());
    return "account/signup-provider";
  }

  private static LocalDate parse(String value) {
    try {
      return value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
