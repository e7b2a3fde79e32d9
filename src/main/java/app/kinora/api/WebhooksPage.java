package app.kinora.api;

import app.kinora.shared.UserPrincipal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's webhooks page, beside its API keys: register an endpoint (URL and events), see its
 * secret once, rotate it, read the delivery log (status, attempts, answer, time), send a delivery
 * again, remove the endpoint. The same operations as {@code /v1/webhook_endpoints}.
 */
@Controller
class WebhooksPage {

  private static final String PAGE = "redirect:/account/webhooks";
  private static final int LOG_LENGTH = 20;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private final WebhookEndpoints endpoints;

  WebhooksPage(WebhookEndpoints endpoints) {
    this.endpoints = endpoints;
  }

  /** An endpoint as the page shows it, with the newest deliveries of its log. */
  record EndpointView(
      UUID id, String url, String events, String created, List<DeliveryView> deliveries) {}

  /** One line of the delivery log. */
  record DeliveryView(
      String id,
      String event,
      String video,
      String status,
      int attempts,
      String answer,
      String time) {}

  @GetMapping("/account/webhooks")
  String page(@AuthenticationPrincipal UserPrincipal user, Model model) {
    model.addAttribute(
        "endpoints",
        endpoints.list(user.userId()).stream().map(e -> view(user, e)).toList());
    model.addAttribute("events", Webhooks.EVENTS);
    return "api/webhooks";
  }

  /** The log of one endpoint alone, for its Refresh button. */
  @GetMapping("/account/webhooks/{id}/log")
  String log(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id, Model model) {
    var endpoint = endpoints.find(user.userId(), id);
    if (endpoint.isEmpty()) {
      return PAGE;
    }
    model.addAttribute("endpoint", view(user, endpoint.get()));
    return "api/webhooks :: log";
  }

  @PostMapping("/account/webhooks")
  String register(
      @AuthenticationPrincipal UserPrincipal user,
      @RequestParam(defaultValue = "") String url,
      @RequestParam(name = "event", required = false) List<String> events,
      RedirectAttributes flash) {
    if (events == null || events.isEmpty()) {
      flash.addFlashAttribute("error", "Choose at least one event.");
      flash.addFlashAttribute("url", url);
      return PAGE;
    }
    try {
      var endpoint = endpoints.register(user.userId(), url, events);
      flash.addFlashAttribute("secret", endpoint.secret());
      flash.addFlashAttribute("secretFor", endpoint.url());
    } catch (WebhookEndpoints.Refused e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("url", url);
    }
    return PAGE;
  }

  @PostMapping("/account/webhooks/{id}/rotate")
  String rotate(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable UUID id,
      RedirectAttributes flash) {
    endpoints.rotate(user.userId(), id).ifPresent(endpoint -> {
      flash.addFlashAttribute("secret", endpoint.secret());
      flash.addFlashAttribute("secretFor", endpoint.url());
      flash.addFlashAttribute("rotated", true);
    });
    return PAGE;
  }

  @PostMapping("/account/webhooks/{id}/delete")
  String delete(@AuthenticationPrincipal UserPrincipal user, @PathVariable UUID id) {
    endpoints.remove(user.userId(), id);
    return PAGE;
  }

  @PostMapping("/account/webhooks/deliveries/{deliveryId}/resend")
  String resend(
      @AuthenticationPrincipal UserPrincipal user,
      @PathVariable String deliveryId,
      RedirectAttributes flash) {
    if (endpoints.resend(user.userId(), deliveryId).isPresent()) {
      flash.addFlashAttribute("notice", "The delivery is being sent again.");
    }
    return PAGE;
  }

  private EndpointView view(UserPrincipal user, Webhooks.Endpoint endpoint) {
    var deliveries = endpoints.deliveries(user.userId(), endpoint.id(), LOG_LENGTH).stream()
        .map(WebhooksPage::view)
        .toList();
    return new EndpointView(
        endpoint.id(),
        endpoint.url(),
        String.join(", ", endpoint.events()),
        time(endpoint.createdAt()),
        deliveries);
  }

  private static DeliveryView view(Webhooks.Delivery d) {
    var answer = d.lastStatusCode() != null
        ? "HTTP " + d.lastStatusCode()
        : d.lastError() != null ? d.lastError() : "—";
    return new DeliveryView(
        d.id(),
        d.eventType(),
        d.videoId(),
        d.status(),
        d.attempts(),
        answer,
        time(
            d.deliveredAt() != null
                ? d.deliveredAt()
                : d.lastAttemptAt() != null ? d.lastAttemptAt() : d.createdAt()));
  }

  private static String time(Instant instant) {
    return TIME.format(instant);
  }
}
