package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stripe's webhook endpoint. The {@code Stripe-Signature} header is checked against the raw body
 * with stripe-java's own verifier (HMAC-SHA256, timestamps older than the tolerance refused);
 * anything unsigned, badly signed or stale gets 400 and changes nothing.
 */
@RestController
class StripeWebhookController {

  static final String PATH = "/stripe/webhook";
  private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BillingProperties.Stripe settings;
  private final StripeEvents events;

  StripeWebhookController(BillingProperties properties, StripeEvents events) {
    this.settings = properties.stripe();
    this.events = events;
  }

  @PostMapping(PATH)
  ResponseEntity<String> receive(
      @RequestBody(required = false) byte[] body,
      @RequestHeader(name = "Stripe-Signature", required = false) String signature) {
    if (!StringUtils.hasText(settings.webhookSecret())) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND)
          .body("Stripe webhooks are not configured.");
    }
    var payload = body == null ? "" : new String(body, StandardCharsets.UTF_8);
    try {
      if (signature == null) {
        throw new SignatureVerificationException("No Stripe-Signature header", null);
      }
      Webhook.Signature.verifyHeader(
          payload,
          signature,
          settings.webhookSecret(),
          settings.webhookTolerance().toSeconds());
    } catch (SignatureVerificationException e) {
      log.warn("Refused a Stripe webhook: {}", e.getMessage());
      return ResponseEntity.badRequest().body("Invalid signature.");
    }
    try {
      var applied = events.apply(JSON.readTree(payload));
      return ResponseEntity.ok(applied ? "Processed." : "Already processed.");
    } catch (JacksonException e) {
      return ResponseEntity.badRequest().body("The body is not a Stripe event.");
    }
  }

  /** Stripe signs its calls instead of signing in: no session, no CSRF token for this path. */
  @Bean
  @Order(0)
  static SecurityFilterChain stripeWebhookChain(HttpSecurity http) {
    http.securityMatcher(PATH)
        .csrf(csrf -> csrf.disable())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
