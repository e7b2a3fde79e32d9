package app.kinora.api;

import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.privacy.spi.RetentionRule;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The API's own data about a user: the answers kept for {@code Idempotency-Key}s (a video object,
 * prompt included) for a day, exported as keys and times, erased with the account.
 */
@Component
class ApiPersonalData implements PersonalDataHolder, RetentionRule {

  private final IdempotencyKeys keys;
  private final Webhooks webhooks;
  private final ApiProperties properties;

  ApiPersonalData(IdempotencyKeys keys, Webhooks webhooks, ApiProperties properties) {
    this.keys = keys;
    this.webhooks = webhooks;
    this.properties = properties;
  }

  @Override
  public String module() {
    return "api";
  }

  @Override
  public Set<String> tables() {
    return Set.of("api_idempotency_keys", "webhook_endpoints", "webhook_deliveries");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new java.util.ArrayList<>(PersonalColumn.of(
        "api_idempotency_keys",
        DataCategory.CONTENT,
        "a day (kinora.api.idempotency-key-lifetime)",
        Set.of(Purpose.RENDERING),
        "key",
        "fingerprint",
        "body"));
    columns.addAll(PersonalColumn.of(
        "webhook_endpoints",
        DataCategory.CONTENT,
        "until the user removes the endpoint or the account",
        Set.of(Purpose.DELIVERY),
        "url",
        "events",
        "secret",
        "previous_secret"));
    columns.addAll(PersonalColumn.of(
        "webhook_deliveries",
        DataCategory.CONTENT,
        "30 days (retention category webhook-deliveries)",
        Set.of(Purpose.DELIVERY),
        "id",
        "event_type",
        "subject",
        "video_id",
        "payload",
        "status",
        "last_error"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    return Map.of(
        "idempotencyKeys",
        keys.ofUser(user).stream()
            .map(row -> Map.of("key", row[0], "createdAt", row[1]))
            .toList(),
        "webhookEndpoints",
        webhooks.endpoints(user).stream()
            .map(endpoint -> Map.of(
                "url", endpoint.url(),
                "events", endpoint.events(),
                "createdAt", endpoint.createdAt().toString(),
                "deliveries",
                    webhooks.deliveries(user, endpoint.id(), 1000).stream()
                        .map(d -> Map.of(
                            "type", d.eventType(),
                            "subject", d.subject(),
                            "status", d.status(),
                            "createdAt", d.createdAt().toString()))
                        .toList()))
            .toList());
  }

  @Override
  public void erase(UserId user) {
    keys.deleteAll(user);
    webhooks.deleteAll(user);
  }

  @Override
  public String category() {
    return "api-idempotency-keys";
  }

  @Override
  public String description() {
    return "The first answer to each Idempotency-Key sent to the API, replayed to retries of the same request; deleted after a day.";
  }

  @Override
  public Duration defaultPeriod() {
    return properties.idempotencyKeyLifetime();
  }

  @Override
  public long purge(Instant cutoff) {
    return keys.deleteOlderThan(cutoff);
  }
}
