package app.kinora.account.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Password reset by email. The request answers the same whether the email has an account. */
@Controller
class PasswordResetController {

  private final CredentialChanges credentials;
  private final ProofOfWork proofOfWork;

  PasswordResetController(CredentialChanges credentials, ProofOfWork proofOfWork) {
    this.credentials = credentials;
    this.proofOfWork = proofOfWork;
  }

  @GetMapping("/password-reset")
  String requestPage(Model model) {
    model.addAttribute("proofOfWork", proofOfWork.enabled());
    return "account/reset-request";
  }

  @PostMapping("/password-reset")
  String request(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(name = ProofOfWork.FIELD, defaultValue = "") String proof,
      Model model,
      HttpServletResponse response) {
    try {
      proofOfWork.spend(proof);
    } catch (SignUpRejected e) {
      model.addAttribute("email", email);
      model.addAttribute("error", e.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return requestPage(model);
    }
    credentials.requestReset(email);
    return "redirect:/password-reset?sent";
  }

  @GetMapping("/password-reset/{token}")
  String choosePage(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    model.addAttribute("valid", credentials.resetLinkValid(token));
    return "account/reset-choose";
  }

  @PostMapping("/password-reset/{token}")
  String choose(
      @PathVariable String token,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "false") boolean revokeApiKeys,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("token", token);
    model.addAttribute("revokeApiKeys", revokeApiKeys);
    try {
      if (credentials.resetPassword(token, password, revokeApiKeys)) {
        return "redirect:/login?reset";
      }
      model.addAttribute("valid", false);
    } catch (SignUpRejected e) {
      model.addAttribute("valid", true);
      model.addAttribute("error", e.getMessage());
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    }
    return "account/reset-choose";
  }
}
