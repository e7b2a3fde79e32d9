package app.kinora.account.internal;

import app.kinora.account.Account;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-up and sign-in pages. A new account is signed in at once, on a fresh session id. */
@Controller
class SignUpController {

  private final AccountManagement accounts;
  private final KinoraUserDetailsService userDetails;
  private final SecurityContextRepository contexts;

  SignUpController(
      AccountManagement accounts, KinoraUserDetailsService userDetails, SecurityContextRepository contexts) {
    this.accounts = accounts;
    this.userDetails = userDetails;
    this.contexts = contexts;
  }

  record SignUpForm(String email, String displayName, String password) {}

  @GetMapping("/login")
  String signInPage() {
    return "account/login";
  }

  @GetMapping("/signup")
  String signUpPage(Model model) {
    model.addAttribute("form", new SignUpForm("", "", ""));
    return "account/signup";
  }

  @PostMapping("/signup")
  String signUp(
      @ModelAttribute SignUpForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
    Account account;
    try {
      account = accounts.signUp(form.email(), form.displayName(), form.password(), Account.Role.USER);
    } catch (SignUpRejected e) {
      model.addAttribute("form", new SignUpForm(form.email(), form.displayName(), ""));
      model.addAttribute("errorField", e.field());
      model.addAttribute("error", e.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return "account/signup";
    }
    signIn(account, request, response);
    return "redirect:/";
  }

  private void signIn(Account account, HttpServletRequest request, HttpServletResponse response) {
    var user = userDetails.loadUserByUsername(account.email());
    if (request.getSession(false) != null) {
      request.changeSessionId();
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
