package app.kinora.provider.spi;

import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * An adapter whose platform pushes job events. Kinora treats an event only as a hint to poll now:
 * the status call stays the truth, so duplicated, late or out-of-order events change nothing.
 */
public interface WebhookVerifier {

  /**
   * Checks the event's signature over the raw body and returns the platform's job id it is about.
   *
   * @throws InvalidSignature when the event is not the platform's
   */
  Optional<String> verifiedJobId(HttpHeaders headers, byte[] body);

  /** A webhook whose signature does not hold. */
  class InvalidSignature extends RuntimeException {
    public InvalidSignature(String message) {
      super(message);
    }
  }
}
