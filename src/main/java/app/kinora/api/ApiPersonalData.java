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
  private final ApiProperties properties;

  ApiPersonalData(IdempotencyKeys keys, ApiProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  @Override
  public String module() {
    return "api";
  }

  @Override
  public Set<String> tables() {
    return Set.of("api_idempotency_keys");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "api_idempotency_keys",
        DataCategory.CONTENT,
        "a day (kinora.api.idempotency-key-lifetime)",
        Set.of(Purpose.RENDERING),
        "key",
        "fingerprint",
        "body");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    return Map.of(
        "idempotencyKeys",
        keys.ofUser(user).stream()
            .map(row -> Map.of("key", row[0], "createdAt", row[1]))
            .toList());
  }

  @Override
  public void erase(UserId user) {
    keys.deleteAll(user);
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
