package app.kinora.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The API's settings ({@code kinora.api.*}).
 *
 * @param idempotencyKeyLifetime how long an {@code Idempotency-Key}'s answer is replayed
 * @param listDefaultLimit videos on a list page when the request names no {@code limit}
 * @param pollAfter the pause a client should take before asking again about a running video
 *     ({@code openai-poll-after-ms})
 * @param webhooks outgoing webhooks
 */
@Validated
@ConfigurationProperties("kinora.api")
public record ApiProperties(
    @DefaultValue("24h") Duration idempotencyKeyLifetime,
    @Min(1) @Max(100) @DefaultValue("20") int listDefaultLimit,
    @DefaultValue("1s") Duration pollAfter,
    @DefaultValue Webhooks webhooks) {

  /**
   * @param allowedHosts hosts that endpoints may name even though they resolve to private or
   *     loopback addresses, and over plain HTTP (for receivers on the operator's own network)
   * @param retryDelays the pauses before each new attempt after a failed one (the default tries
   *     for more than 24 hours)
   * @param timeout how long one attempt may take, connection and answer
   * @param rotationOverlap how long the previous secret still signs after a rotation
   */
  public record Webhooks(
      @DefaultValue List<String> allowedHosts,

      @DefaultValue({"5s", "1m", "5m", "30m", "2h", "5h", "8h", "10h"})
      List<Duration> retryDelays,

      @DefaultValue("10s") Duration timeout,
      @DefaultValue("24h") Duration rotationOverlap) {}
}
