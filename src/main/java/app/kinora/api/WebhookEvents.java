package app.kinora.api;

import app.kinora.billing.CreditsRanLow;
import app.kinora.generation.GenerationCompleted;
import app.kinora.generation.GenerationFailed;
import app.kinora.generation.GenerationId;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a video's end, or credits running low, into deliveries to the owner's subscribed endpoints. Runs after the
 * generation's transaction commits, from the durable event publication (so a node that dies
 * before this ran does it at its next start); each delivery row and its job are written in one
 * transaction, and an event reaches an endpoint once however often it is handled. The payload is
 * OpenAI's event shape: {@code {"id", "object": "event", "type", "created_at", "data": {"id"}}};
 * {@code credits.low} carries the available credits and the threshold as its data.
 */
@Component
class WebhookEvents {

  private final Webhooks webhooks;
  private final Scheduler scheduler;
  private final OneTimeTask<String> task;
  private final JsonMapper json;

  WebhookEvents(
      Webhooks webhooks, Scheduler scheduler, OneTimeTask<String> webhookTask, JsonMapper json) {
    this.webhooks = webhooks;
    this.scheduler = scheduler;
    this.task = webhookTask;
    this.json = json;
  }

  @ApplicationModuleListener(id = "api.webhooks.generation-completed")
  void on(GenerationCompleted event) {
    notifyAbout(event.owner(), "video.completed", event.id(), event.completedAt());
  }

  @ApplicationModuleListener(id = "api.webhooks.generation-failed")
  void on(GenerationFailed event) {
    var type = event.failure().isCancellation() ? "video.cancelled" : "video.failed";
    notifyAbout(event.owner(), type, event.id(), event.failedAt());
  }

  /** {@code data}: {@code {"object": "credit_balance", "available", "threshold"}}. */
  @ApplicationModuleListener(id = "api.webhooks.credits-ran-low")
  void on(CreditsRanLow event) {
    var data = new LinkedHashMap<String, Object>();
    data.put("object", "credit_balance");
    data.put("available", event.available().value());
    data.put("threshold", event.threshold().value());
    notify(event.user(), "credits.low", event.hold().value().toString(), null, data, event.at());
  }

  private void notifyAbout(UserId owner, String type, GenerationId video, Instant at) {
    notify(owner, type, video.apiId(), video.apiId(), Map.of("id", video.apiId()), at);
  }

  /** A delivery to each of the owner's endpoints that take this type, once per subject. */
  private void notify(
      UserId owner,
      String type,
      String subject,
      String videoId,
      Map<String, Object> data,
      Instant at) {
    for (var endpoint : webhooks.subscribed(owner, type)) {
      var id = "evt_" + HexFormat.of().formatHex(uuidBytes());
      var payload = new LinkedHashMap<String, Object>();
      payload.put("id", id);
      payload.put("object", "event");
      payload.put("type", type);
      payload.put("created_at", at.getEpochSecond());
      payload.put("data", data);
      var delivery = new Webhooks.Delivery(
          id,
          endpoint.id(),
          owner,
          type,
          subject,
          videoId,
          json.writeValueAsString(payload),
          "pending",
          0,
          null,
          null,
          null,
          null,
          null);
      if (webhooks.record(delivery)) {
        schedule(id);
      }
    }
  }

  /** A job for one attempt sequence of the delivery, on whichever node claims it. */
  void schedule(String deliveryId) {
    scheduler.schedule(
        task.instance(deliveryId + "-" + UUID.randomUUID(), deliveryId), Instant.now());
  }

  private static byte[] uuidBytes() {
    var uuid = UUID.randomUUID();
    var buffer = java.nio.ByteBuffer.allocate(16);
    buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
    return buffer.array();
  }
}
