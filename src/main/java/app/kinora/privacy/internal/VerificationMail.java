package app.kinora.privacy.internal;

import app.kinora.notification.Email;
import app.kinora.notification.Mailer;
import app.kinora.privacy.PrivacyRequests;
import app.kinora.shared.PublicAddress;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Sends the confirmation link of a privacy request to the account's own address. */
@Component
class VerificationMail {

  private final Mailer mailer;
  private final PublicAddress address;

  VerificationMail(Mailer mailer, PublicAddress address) {
    this.mailer = mailer;
    this.address = address;
  }

  void send(PrivacyRequests.Verification verification) {
    mailer.send(new Email(
        verification.email(),
        "Please confirm your privacy request",
        "privacy-request-confirm",
        Map.of("link", address.link("/privacy/requests/confirm?token=" + verification.token()))));
  }
}
