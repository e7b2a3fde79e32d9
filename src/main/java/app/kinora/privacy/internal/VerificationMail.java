package app.kinora.privacy.internal;

import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.privacy.PrivacyRequests;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Sends the confirmation link of a privacy request to the account's own address. */
@Component
class VerificationMail {

  private final Mailer mailer;
  private final String publicUrl;

  VerificationMail(Mailer mailer, @Value("${kinora.account.public-url:}") String publicUrl) {
    this.mailer = mailer;
    this.publicUrl = publicUrl;
  }

  void send(PrivacyRequests.Verification verification) {
    var base = StringUtils.hasText(publicUrl) ? publicUrl.replaceAll("/+$", "")
        : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    mailer.send(new Email(verification.email(), "Please confirm your privacy request", "privacy-request-confirm",
        Map.of("link", base + "/privacy/requests/confirm?token=" + verification.token())));
  }
}
