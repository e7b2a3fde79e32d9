package app.kinora.api;

import app.kinora.shared.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * What an account does with its webhook endpoints, from the API or its page: register one (its URL
 * past the SSRF guard, its events among {@link Webhooks#EVENTS}), rotate its secret (the old one
 * signs alongside for {@code kinora.api.webhooks.rotation-overlap}), remove it, read its delivery
 * log and send a delivery again.
 */
@Service
class WebhookEndpoints {

  /** A request refused, with the field at fault and a sentence for the user. */
  static final class Refused extends RuntimeException {

    private final String param;

    Refused(String param, String message) {
      super(message, null, false, false);
      this.param = param;
    }

    String param() {
      return param;
    }
  }

  private final Webhooks webhooks;
  private final WebhookEvents events;
  private final SafeTargets targets;
  private final ApiProperties properties;
  private final Clock clock;

  WebhookEndpoints(
      Webhooks webhooks,
      WebhookEvents events,
      SafeTargets targets,
      ApiProperties properties,
      Clock clock) {
    this.webhooks = webhooks;
    this.events = events;
    this.targets = targets;
    this.properties = properties;
    this.clock = clock;
  }

  /** Registers an endpoint for these events (all of them when none are named); its secret is in it. */
  Webhooks.Endpoint register(UserId owner, String url, List<String> chosen) {
    if (url == null || url.isBlank()) {
      throw new Refused("url", "Give the endpoint's URL, such as https://example.com/kinora.");
    }
    var events = chosen == null || chosen.isEmpty() ? Webhooks.EVENTS : chosen;
    for (var event : events) {
      if (event == null || !Webhooks.EVENTS.contains(event)) {
        throw new Refused("events", "Events are " + String.join(", ", Webhooks.EVENTS) + ".");
      }
    }
    try {
      targets.check(url);
    } catch (SafeTargets.Refused e) {
      throw new Refused("url", e.getMessage());
    }
    var endpoint = new Webhooks.Endpoint(
        UUID.randomUUID(),
        owner,
        url.strip(),
        List.copyOf(new LinkedHashSet<>(events)),
        WebhookSigner.newSecret(),
        null,
        null,
        Instant.now(clock));
    webhooks.add(endpoint);
    return endpoint;
  }

  List<Webhooks.Endpoint> list(UserId owner) {
    return webhooks.endpoints(owner);
  }

  Optional<Webhooks.Endpoint> find(UserId owner, UUID id) {
    return webhooks.endpoint(owner, id);
  }

  /** A new secret for the endpoint, which is returned with it; empty if the owner has no such endpoint. */
  Optional<Webhooks.Endpoint> rotate(UserId owner, UUID id) {
    if (webhooks.endpoint(owner, id).isEmpty()) {
      return Optional.empty();
    }
    webhooks.rotate(
        owner,
        id,
        WebhookSigner.newSecret(),
        Instant.now(clock).plus(properties.webhooks().rotationOverlap()));
    return webhooks.endpoint(owner, id);
  }

  /** Removes the endpoint and its log; false if the owner has no such endpoint. */
  boolean remove(UserId owner, UUID id) {
    return webhooks.remove(owner, id);
  }

  List<Webhooks.Delivery> deliveries(UserId owner, UUID endpoint, int limit) {
    return webhooks.deliveries(owner, endpoint, limit);
  }

  /** Sends the delivery again, a new series of attempts; empty if the owner has no such delivery. */
  Optional<Webhooks.Delivery> resend(UserId owner, String deliveryId) {
    var delivery = webhooks.delivery(owner, deliveryId);
    delivery.ifPresent(d -> {
      webhooks.pendingAgain(d.id());
      events.schedule(d.id());
    });
    return delivery.flatMap(d -> webhooks.delivery(d.id()));
  }
}
