package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import app.kinora.privacy.PolicyDocuments;
import app.kinora.safety.FairUse;
import app.kinora.safety.RateLimited;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-up with the age gate, and email confirmation. A new account is signed in at once (on a
 * fresh session id) and lands in the studio, which asks to confirm the email until it is; an
 * address that already has an account opens nothing and only its owner is told, by email. Every
 * field at fault is named at once. A refusal by the age gate renders a kind page and stores
 * nothing, not even in the session.
 */
@Controller
class SignUpController {

  private final AccountManagement accounts;
  private final CredentialChanges credentials;
  private final AccountProperties properties;
  private final PolicyDocuments policies;
  private final RequestContexts requestContexts;
  private final FairUse fairUse;
  private final ProofOfWork proofOfWork;
  private final SignInFlow signIn;

  SignUpController(
      AccountManagement accounts,
      CredentialChanges credentials,
      AccountProperties properties,
      PolicyDocuments policies,
      RequestContexts requestContexts,
      FairUse fairUse,
      ProofOfWork proofOfWork,
      SignInFlow signIn) {
    this.signIn = signIn;
    this.accounts = accounts;
    this.credentials = credentials;
    this.properties = properties;
    this.policies = policies;
    this.requestContexts = requestContexts;
    this.fairUse = fairUse;
    this.proofOfWork = proofOfWork;
  }

  record SignUpForm(
      String email,
      String displayName,
      String password,
      String birthDate,
      String country,
      Boolean acceptsTerms) {}

  @GetMapping("/signup")
  String signUpPage(Model model, HttpServletRequest request) {
    return form(model, new SignUpForm("", "", "", "", request.getLocale().getCountry(), false));
  }

  @PostMapping("/signup")
  String signUp(
      @ModelAttribute SignUpForm form,
      @RequestParam(name = ProofOfWork.FIELD, defaultValue = "") String proof,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response) {
    try {
      // the proof of work first, so a script pays for each try before anything else is looked at
      proofOfWork.spend(proof);
      var application = new SignUpApplication(
          form.email(),
          form.displayName(),
          form.password(),
          parseDate(form.birthDate()),
          form.country(),
          Boolean.TRUE.equals(form.acceptsTerms()));
      var problems = accounts.problems(application);
      // then the age gate: a refused child leaves nothing behind, not even a rate-limit bucket
      if (!problems.containsKey("birthDate") && !problems.containsKey("country")) {
        accounts.checkAge(application.birthDate(), application.country());
      }
      if (!problems.isEmpty()) {
        throw new SignUpRejected(problems);
      }
      fairUse.admitSignUp(request.getRemoteAddr());
      var result = accounts.signUp(application);
      if (result instanceof AccountManagement.SignUpResult.Created created) {
        requestContexts.record(created.account().id(), RequestContexts.Activity.SIGN_UP, request);
        signIn.signedUp(created.account().id(), request, response);
        return "redirect:/";
      }
      return "redirect:/signup/sent";
    } catch (UnderMinimumAge e) {
      return "account/too-young";
    } catch (SignUpRejected | RateLimited e) {
      model.addAttribute(
          "errors",
          e instanceof SignUpRejected rejected
              ? rejected.problems()
              : Map.of("form", e.getMessage()));
      if (e instanceof RateLimited limited) {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(limited.retryAfterSeconds()));
      } else {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return form(
          model,
          new SignUpForm(
              form.email(),
              form.displayName(),
              "",
              form.birthDate(),
              form.country(),
              form.acceptsTerms()));
    }
  }

  @GetMapping("/signup/sent")
  String sent() {
    return "account/check-inbox";
  }

  @GetMapping("/account/verify")
  String verify(@RequestParam(defaultValue = "") String token, Model model) {
    model.addAttribute("verified", credentials.verifyEmail(token));
    return "account/verified";
  }

  private String form(Model model, SignUpForm form) {
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    model.addAttribute("form", form);
    model.addAttribute("countries", Countries.all());
    model.addAttribute("termsVersion", policies.current("terms").version());
    model.addAttribute("privacyVersion", policies.current("privacy").version());
    model.addAttribute("minPasswordLength", properties.minPasswordLength());
    model.addAttribute("proofOfWork", proofOfWork.enabled());
    return "account/signup";
  }

  private static LocalDate parseDate(String value) {
    try {
      return value == null || value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
