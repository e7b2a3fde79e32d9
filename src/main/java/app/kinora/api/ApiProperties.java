package app.kinora.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
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
 */
@Validated
@ConfigurationProperties("kinora.api")
public record ApiProperties(
    @DefaultValue("24h") Duration idempotencyKeyLifetime,
    @Min(1) @Max(100) @DefaultValue("20") int listDefaultLimit,
    @DefaultValue("1s") Duration pollAfter) {}
