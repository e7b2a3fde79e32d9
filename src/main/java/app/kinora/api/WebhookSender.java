package app.kinora.api;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;

/**
 * Sends one webhook delivery: a POST of its event, signed, to an address that passes the SSRF
 * guard; any 2xx answer delivers it. A failed attempt throws, and db-scheduler's failure handler
 * tries again after the next of {@code kinora.api.webhooks.retry-delays} (more than a day in all),
 * then gives up and marks it failed. Redirects are not followed and answers' bodies not read.
 */
@Component
class WebhookSender {

  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final Webhooks webhooks;
  private final SafeTargets targets;
  private final ApiProperties.Webhooks settings;
  private final Clock clock;
  private final HttpClient http;

  WebhookSender(Webhooks webhooks, SafeTargets targets, ApiProperties properties, Clock clock) {
    this.webhooks = webhooks;
    this.targets = targets;
    this.settings = properties.webhooks();
    this.clock = clock;
    this.http = HttpClient.newBuilder()
        .connectTimeout(settings.timeout())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A delivery that did not reach its endpoint this time. */
  static final class NotDelivered extends RuntimeException {
    NotDelivered(String message) {
      super(message, null, false, false);
    }
  }

  void send(String deliveryId) {
    var delivery = webhooks.delivery(deliveryId).orElse(null);
    if (delivery == null || !delivery.status().equals("pending")) {
      return; // delivered, given up, or its endpoint removed
    }
    var endpoint = webhooks.endpoint(delivery.owner(), delivery.endpointId()).orElse(null);
    if (endpoint == null) {
      return;
    }
    var now = Instant.now(clock);
    var secrets = new ArrayList<>(List.of(endpoint.secret()));
    if (endpoint.previousSecret() != null && now.isBefore(endpoint.previousValidUntil())) {
      secrets.add(endpoint.previousSecret());
    }
    long timestamp = now.getEpochSecond();
    Integer status = null;
    String error;
    try {
      var request = HttpRequest.newBuilder(targets.check(endpoint.url()))
          .timeout(settings.timeout())
          .header("Content-Type", "application/json")
          .header("User-Agent", "Kinora-Webhooks/1")
          .header("webhook-id", delivery.id())
          .header("webhook-timestamp", Long.toString(timestamp))
          .header(
              "webhook-signature",
              WebhookSigner.signature(delivery.id(), timestamp, delivery.payload(), secrets))
          .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
          .build();
      var response = http.send(request, HttpResponse.BodyHandlers.discarding());
      status = response.statusCode();
      error = status / 100 == 2 ? null : "The endpoint answered " + status + ".";
    } catch (SafeTargets.Refused e) {
      error = e.getMessage();
    } catch (java.io.IOException e) {
      error = "The endpoint could not be reached.";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NotDelivered("interrupted");
    }
    webhooks.attempted(delivery.id(), error == null ? "delivered" : "pending", status, error);
    if (error != null) {
      throw new NotDelivered(error);
    }
  }

  /** The durable job, and its retries with the configured pauses. */
  @Configuration(proxyBeanMethods = false)
  static class Job {

    @Bean
    OneTimeTask<String> webhookTask(
        WebhookSender sender, Webhooks webhooks, ApiProperties properties) {
      var delays = properties.webhooks().retryDelays();
      return Tasks.oneTime("webhook-delivery", String.class)
          .onFailure(new RetryThenGiveUp(delays, webhooks))
          .execute((instance, context) -> sender.send(instance.getData()));
    }
  }

  private record RetryThenGiveUp(List<Duration> delays, Webhooks webhooks)
      implements FailureHandler<String> {

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
      int failures = complete.getExecution().consecutiveFailures; // before this one
      var id = (String) complete.getExecution().taskInstance.getData();
      if (failures >= delays.size()) {
        log.info("Webhook delivery {} given up after {} attempts", id, failures + 1);
        webhooks.giveUp(id);
        operations.stop();
      } else {
        operations.reschedule(complete, Instant.now().plus(delays.get(failures)));
      }
    }
  }
}
