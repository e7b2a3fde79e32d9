package app.kinora.provider;

import app.kinora.provider.spi.WebhookVerifier;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;

/**
 * Receives platforms' job events at {@code /providers/webhooks/{provider}}. A verified event only
 * wakes the job's poller: the status call stays the truth, so repeated or out-of-order deliveries
 * are harmless.
 */
@RestController
class ProviderWebhookController {

  static final String PATH = "/providers/webhooks/";
  static final int MAX_BODY = 256 * 1024;
  private static final Logger log = LoggerFactory.getLogger(ProviderWebhookController.class);

  private final ModelCatalog catalog;
  private final TransferLog transfers;

  ProviderWebhookController(ModelCatalog catalog, TransferLog transfers) {
    this.catalog = catalog;
    this.transfers = transfers;
  }

  /** Reads at most {@link #MAX_BODY} bytes: job events are small, and anyone can post here. */
  @PostMapping(PATH + "{provider}")
  ResponseEntity<Void> receive(
      @PathVariable String provider, @RequestHeader HttpHeaders headers, HttpServletRequest request)
      throws IOException {
    var body = request.getInputStream().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      return ResponseEntity.status(413).build();
    }
    return receive(provider, headers, body);
  }

  ResponseEntity<Void> receive(String provider, HttpHeaders headers, byte[] body) {
    if (!(catalog.remoteProviders().get(provider) instanceof WebhookVerifier verifier)) {
      return ResponseEntity.notFound().build();
    }
    try {
      var job = verifier.verifiedJobId(headers, body);
      if (job.isPresent() && !transfers.pushed(provider, job.get())) {
        log.info("Webhook from {} about a job Kinora does not know", provider);
      }
      return ResponseEntity.noContent().build();
    } catch (WebhookVerifier.InvalidSignature | IllegalArgumentException | JacksonException e) {
      log.warn("Refused a webhook claiming to be from {}: {}", provider, e.getMessage());
      return ResponseEntity.status(401).build();
    }
  }
}
