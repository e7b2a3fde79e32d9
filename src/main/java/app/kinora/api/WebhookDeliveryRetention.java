package app.kinora.api;

import app.kinora.privacy.spi.RetentionRule;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The webhook delivery log is kept a month, then deleted (deliveries still being tried stay). */
@Component
class WebhookDeliveryRetention implements RetentionRule {

  private final Webhooks webhooks;

  WebhookDeliveryRetention(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  @Override
  public String category() {
    return "webhook-deliveries";
  }

  @Override
  public String description() {
    return "The log of webhook deliveries (event, video id, status, attempts, answer code); deleted after a month.";
  }

  @Override
  public Duration defaultPeriod() {
    return Duration.ofDays(30);
  }

  @Override
  public long purge(Instant cutoff) {
    return webhooks.deleteDeliveriesBefore(cutoff);
  }
}
