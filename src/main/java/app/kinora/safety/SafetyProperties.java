package app.kinora.safety;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param moderation a moderation endpoint in OpenAI's {@code /v1/moderations} shape (off without a
 *     base URL)
 * @param failClosed refuse requests when a screener cannot answer (else let them through); the
 *     operator can change it in the console
 * @param keepPrompts keep a refused prompt with its block for the operator's review; changeable in
 *     the console
 * @param strikes refusals within {@code strikeWindow} that suspend an account's submissions
 * @param strikeWindow how far back refusals count
 * @param limits how many videos may be asked for
 */
@Validated
@ConfigurationProperties("kinora.safety")
public record SafetyProperties(
    @Valid @DefaultValue Moderation moderation,
    @DefaultValue("false") boolean failClosed,
    @DefaultValue("false") boolean keepPrompts,
    @Min(1) @DefaultValue("5") int strikes,
    @DefaultValue("24h") Duration strikeWindow,
    @Valid @DefaultValue Limits limits) {

  /**
   * @param baseUrl e.g. {@code https://api.openai.com/v1}; {@code /moderations} is added
   * @param apiKey sent as a Bearer token when set
   * @param model the moderation model to name, when the endpoint wants one
   * @param timeout how long to wait for an answer
   * @param name the service's name in the privacy policy's list of recipients (default: its host)
   * @param country where it processes the prompts, for that list
   * @param images send reference images too, as OpenAI's {@code image_url} inputs (data URLs), one
   *     image a request; turn off for an endpoint that takes text only
   */
  public record Moderation(
      URI baseUrl,
      String apiKey,
      @DefaultValue("omni-moderation-latest") String model,
      @DefaultValue("5s") Duration timeout,
      String name,
      String country,
      @DefaultValue("true") boolean images) {

    public boolean enabled() {
      return baseUrl != null;
    }

    /** The name users read in the list of recipients. */
    public String displayName() {
      return name != null && !name.isBlank()
          ? name.strip()
          : baseUrl == null ? "" : baseUrl.getHost();
    }
  }

  /**
   * @param perAccountPerMinute videos an account may ask for in a minute
   * @param perAccountPerDay videos an account may ask for in a day
   * @param perApiKeyPerMinute videos one API key may ask for in a minute
   * @param perAddressPerMinute videos asked for from one network address in a minute
   * @param signUpsPerAddressPerHour accounts opened from one network address in an hour
   * @param runningPerAccount videos of one account made at the same time, on all nodes together;
   *     its further videos wait in the queue (they are not refused) while other accounts' run
   */
  public record Limits(
      @Min(1) @DefaultValue("10") long perAccountPerMinute,
      @Min(1) @DefaultValue("500") long perAccountPerDay,
      @Min(1) @DefaultValue("10") long perApiKeyPerMinute,
      @Min(1) @DefaultValue("30") long perAddressPerMinute,
      @Min(1) @DefaultValue("10") long signUpsPerAddressPerHour,
      @Min(1) @DefaultValue("3") int runningPerAccount) {}
}
