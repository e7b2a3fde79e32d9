package app.kinora.account.internal;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The second step of signing in to an account with TOTP: a code, or a recovery code. */
@Controller
class SecondFactorController {

  private final Users users;
  private final Totp totp;
  private final RecoveryCodes recoveryCodes;
  private final SignInThrottle throttle;
  private final SignInFlow signIn;
  private final MeterRegistry meters;

  SecondFactorController(
      Users users,
      Totp totp,
      RecoveryCodes recoveryCodes,
      SignInThrottle throttle,
      SignInFlow signIn,
      MeterRegistry meters) {
    this.meters = meters;
    this.users = users;
    this.totp = totp;
    this.recoveryCodes = recoveryCodes;
    this.throttle = throttle;
    this.signIn = signIn;
  }

  @GetMapping("/login/totp")
  String page() {
    return "account/totp-login";
  }

  @PostMapping("/login/totp")
  String check(
      @AuthenticationPrincipal PendingSecondFactor pending,
      @RequestParam(defaultValue = "") String code,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    var credentials = users.credentials(pending.userId()).orElseThrow();
    var email = credentials.account().email();
    var wait = throttle.reserve(email, request.getRemoteAddr());
    if (!wait.isZero()) {
      meters.counter(SignInPages.REFUSED, "reason", "throttled").increment();
      model.addAttribute("error", SignInPages.tooManyAttempts(wait));
      return "account/totp-login";
    }
    var secret = users.totpSecret(pending.userId()).orElse(null);
    var stripped = code.strip();
    var passed = secret != null && (stripped.length() == 6 || stripped.length() == 7)
        ? acceptCode(pending, secret, stripped)
        : recoveryCodes.use(pending.userId(), stripped);
    if (!passed) {
      meters.counter(SignInPages.REFUSED, "reason", "code").increment();
      model.addAttribute(
          "error",
          "That code is not right. Try the newest code from your app, or a recovery code.");
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return "account/totp-login";
    }
    throttle.succeeded(email, request.getRemoteAddr());
    signIn.signIn(credentials, request, response);
    return null;
  }

  /** A right code whose time step has not been used before (a code works once). */
  private boolean acceptCode(PendingSecondFactor pending, String secret, String code) {
    var step = totp.matchingStep(secret, code);
    return step.isPresent() && users.acceptTotpStep(pending.userId(), step.getAsLong());
  }
}
