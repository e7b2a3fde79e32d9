package app.kinora.api;

import app.kinora.shared.UserId;
import app.kinora.shared.UserPrincipal;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kinora's extension {@code /v1/webhook_endpoints}: register an endpoint for video events, list and
 * remove them, rotate an endpoint's secret (the old one signs alongside for {@code
 * kinora.api.webhooks.rotation-overlap}), read its delivery log and resend a delivery. The secret
 * ({@code whsec_…}) is shown when an endpoint is made and when it is rotated, never after.
 */
@RestController
@RequestMapping("/v1")
class WebhooksApi {

  private final Webhooks webhooks;
  private final WebhookEvents events;
  private final SafeTargets targets;
  private final ApiProperties properties;
  private final Clock clock;

  WebhooksApi(
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

  record NewEndpoint(String url, List<String> events) {}

  record EndpointObject(
      String id,
      String object,
      String url,
      List<String> events,
      @JsonProperty("created_at") long createdAt,
      String secret) {}

  record DeliveryObject(
      String id,
      String object,
      @JsonProperty("endpoint_id") String endpointId,
      String type,
      @JsonProperty("video_id") String videoId,
      String status,
      int attempts,
      @JsonProperty("last_status_code") Integer lastStatusCode,
      @JsonProperty("last_error") String lastError,
      @JsonProperty("created_at") long createdAt,
      @JsonProperty("delivered_at") Long deliveredAt) {}

  record ListOf<T>(String object, List<T> data) {}

  @PostMapping("/webhook_endpoints")
  EndpointObject create(
      @AuthenticationPrincipal UserPrincipal user, @RequestBody NewEndpoint body) {
    if (body.url() == null || body.url().isBlank()) {
      throw invalid("url", "Give the endpoint's url, such as https://example.com/kinora.");
    }
    var chosen = body.events() == null || body.events().isEmpty() ? Webhooks.EVENTS : body.events();
    for (var event : chosen) {
      if (event == null || !Webhooks.EVENTS.contains(event)) {
        throw invalid("events", "Events are " + String.join(", ", Webhooks.EVENTS) + ".");
      }
    }
    try {
      targets.check(body.url());
    } catch (SafeTargets.Refused e) {
      throw invalid("url", e.getMessage());
    }
    var endpoint = new Webhooks.Endpoint(
        UUID.randomUUID(),
        user.userId(),
        body.url().strip(),
        List.copyOf(new java.util.LinkedHashSet<>(chosen)),
        WebhookSigner.newSecret(),
        null,
        null,
        Instant.now(clock));
    webhooks.add(endpoint);
    return object(endpoint, true);
  }

  @GetMapping("/webhook_endpoints")
  ListOf<EndpointObject> list(@AuthenticationPrincipal UserPrincipal user) {
    return new ListOf<>(
        "list",
        webhooks.endpoints(user.userId()).stream().map(e -> object(e, false)).toList());
  }

  @DeleteMapping("/webhook_endpoints/{endpointId}")
  ResponseEntity<?> delete(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    if (!webhooks.remove(user.userId(), parse(endpointId))) {
      throw notFound();
    }
    return ResponseEntity.ok(
        java.util.Map.of("id", endpointId, "object", "webhook_endpoint.deleted", "deleted", true));
  }

  @PostMapping("/webhook_endpoints/{endpointId}/rotate_secret")
  EndpointObject rotate(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    var id = parse(endpointId);
    find(user.userId(), id);
    webhooks.rotate(
        user.userId(),
        id,
        WebhookSigner.newSecret(),
        Instant.now(clock).plus(properties.webhooks().rotationOverlap()));
    return object(find(user.userId(), id), true);
  }

  @GetMapping("/webhook_endpoints/{endpointId}/deliveries")
  ListOf<DeliveryObject> deliveries(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    var id = parse(endpointId);
    find(user.userId(), id);
    var list = new ArrayList<DeliveryObject>();
    webhooks.deliveries(user.userId(), id, 100).forEach(d -> list.add(object(d)));
    return new ListOf<>("list", list);
  }

  @PostMapping("/webhook_deliveries/{deliveryId}/resend")
  DeliveryObject resend(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String deliveryId) {
    var delivery = webhooks
        .delivery(user.userId(), deliveryId)
        .orElseThrow(() -> new ApiProblem(
            HttpStatus.NOT_FOUND,
            "delivery_not_found",
            "delivery_id",
            "No delivery with that id."));
    webhooks.pendingAgain(delivery.id());
    events.schedule(delivery.id());
    return object(webhooks.delivery(delivery.id()).orElseThrow());
  }

  private Webhooks.Endpoint find(UserId user, UUID id) {
    return webhooks.endpoint(user, id).orElseThrow(WebhooksApi::notFound);
  }

  private static EndpointObject object(Webhooks.Endpoint e, boolean withSecret) {
    return new EndpointObject(
        "we_" + e.id().toString().replace("-", ""),
        "webhook_endpoint",
        e.url(),
        e.events(),
        e.createdAt().getEpochSecond(),
        withSecret ? e.secret() : null);
  }

  private static DeliveryObject object(Webhooks.Delivery d) {
    return new DeliveryObject(
        d.id(),
        "webhook_delivery",
        "we_" + d.endpointId().toString().replace("-", ""),
        d.eventType(),
        d.videoId(),
        d.status(),
        d.attempts(),
        d.lastStatusCode(),
        d.lastError(),
        d.createdAt().getEpochSecond(),
        d.deliveredAt() == null ? null : d.deliveredAt().getEpochSecond());
  }

  private static UUID parse(String endpointId) {
    try {
      var hex = endpointId.substring("we_".length());
      if (!endpointId.startsWith("we_") || hex.length() != 32) {
        throw notFound();
      }
      return new UUID(
          Long.parseUnsignedLong(hex.substring(0, 16), 16),
          Long.parseUnsignedLong(hex.substring(16), 16));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      throw notFound();
    }
  }

  private static ApiProblem notFound() {
    return new ApiProblem(
        HttpStatus.NOT_FOUND,
        "endpoint_not_found",
        "endpoint_id",
        "No webhook endpoint with that id.");
  }

  private static ApiProblem invalid(String param, String message) {
    return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_value", param, message);
  }
}
