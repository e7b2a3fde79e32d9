package app.kinora.api;

import app.kinora.shared.UserPrincipal;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
@KinoraExtension
@Tag(name = "Webhooks")
class WebhooksApi {

  private final WebhookEndpoints endpoints;

  WebhooksApi(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
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

  record DeletedEndpoint(String id, String object, boolean deleted) {}

  @Operation(summary = "Register a webhook endpoint", operationId = "CreateWebhookEndpoint")
  @PostMapping("/webhook_endpoints")
  EndpointObject create(
      @AuthenticationPrincipal UserPrincipal user, @RequestBody NewEndpoint body) {
    try {
      return object(endpoints.register(user.userId(), body.url(), body.events()), true);
    } catch (WebhookEndpoints.Refused e) {
      throw new ApiProblem(HttpStatus.BAD_REQUEST, "invalid_value", e.param(), e.getMessage());
    }
  }

  @Operation(summary = "List webhook endpoints", operationId = "ListWebhookEndpoints")
  @GetMapping("/webhook_endpoints")
  ListOf<EndpointObject> list(@AuthenticationPrincipal UserPrincipal user) {
    return new ListOf<>(
        "list",
        endpoints.list(user.userId()).stream().map(e -> object(e, false)).toList());
  }

  @Operation(summary = "Delete a webhook endpoint", operationId = "DeleteWebhookEndpoint")
  @DeleteMapping("/webhook_endpoints/{endpointId}")
  DeletedEndpoint delete(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    if (!endpoints.remove(user.userId(), parse(endpointId))) {
      throw notFound();
    }
    return new DeletedEndpoint(endpointId, "webhook_endpoint.deleted", true);
  }

  @Operation(summary = "Rotate an endpoint's secret", operationId = "RotateWebhookSecret")
  @PostMapping("/webhook_endpoints/{endpointId}/rotate_secret")
  EndpointObject rotate(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    return endpoints
        .rotate(user.userId(), parse(endpointId))
        .map(e -> object(e, true))
        .orElseThrow(WebhooksApi::notFound);
  }

  @Operation(summary = "List an endpoint's deliveries", operationId = "ListWebhookDeliveries")
  @GetMapping("/webhook_endpoints/{endpointId}/deliveries")
  ListOf<DeliveryObject> deliveries(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String endpointId) {
    var id = parse(endpointId);
    endpoints.find(user.userId(), id).orElseThrow(WebhooksApi::notFound);
    return new ListOf<>(
        "list",
        endpoints.deliveries(user.userId(), id, 100).stream()
            .map(WebhooksApi::object)
            .toList());
  }

  @Operation(summary = "Resend a delivery", operationId = "ResendWebhookDelivery")
  @PostMapping("/webhook_deliveries/{deliveryId}/resend")
  DeliveryObject resend(
      @AuthenticationPrincipal UserPrincipal user, @PathVariable String deliveryId) {
    return endpoints
        .resend(user.userId(), deliveryId)
        .map(WebhooksApi::object)
        .orElseThrow(() -> new ApiProblem(
            HttpStatus.NOT_FOUND,
            "delivery_not_found",
            "delivery_id",
            "No delivery with that id."));
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
}
