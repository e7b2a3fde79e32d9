package app.kinora.billing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

/**
 * @param unverifiedAllowance credits an account may use before its email address is verified
 * @param starterCredits credits a new account has in all once its email address is verified
 *     (the allowance included)
 * @param adminStarterCredits the same for operator accounts (so an operator can try the service)
 * @param pricing the price table
 * @param packs the credit packs offered for sale through Stripe
 * @param stripe Stripe keys; without a secret key nothing is sold and operators grant credits
 * @param lowCreditsThreshold when a charge takes a user's available credits below this, {@link
 *     CreditsRanLow} is published (0: never)
 */
@Validated
@ConfigurationProperties("kinora.billing")
public record BillingProperties(
    @Min(0) @DefaultValue("20") long unverifiedAllowance,
    @Min(0) @DefaultValue("100") long starterCredits,
    @Min(0) @DefaultValue("10000") long adminStarterCredits,
    @Valid @DefaultValue Pricing pricing,
    List<@Valid Pack> packs,
    @Valid @DefaultValue Stripe stripe,
    @Min(0) @DefaultValue("20") long lowCreditsThreshold) {

  public BillingProperties {
    packs = packs == null ? List.of() : List.copyOf(packs);
  }

  public Optional<Pack> pack(String id) {
    return packs.stream().filter(pack -> pack.id().equals(id)).findFirst();
  }

  /**
   * Price = max(minimum, ⌈seconds × (perSecond × resolution factor + audioPerSecond if sound)⌉).
   *
   * @param minimumPerJob the least any job costs
   * @param defaultPrice the price of a model the table does not name
   * @param models prices per model id
   * @param resolutionFactors factor by the frame's shorter side: the factor of the smallest key
   *     at least as large as it applies (above every key, the largest key's factor)
   */
  public record Pricing(
      @Min(0) @DefaultValue("1") long minimumPerJob,
      @Valid @DefaultValue ModelPrice defaultPrice,
      Map<String, @Valid ModelPrice> models,
      Map<Integer, BigDecimal> resolutionFactors,
      @DefaultValue("20") BigDecimal creditsPerUsd,
      @DefaultValue("1.3") BigDecimal markup) {

    public Pricing {
      models = models == null ? Map.of() : Map.copyOf(models);
      resolutionFactors = new TreeMap<>(resolutionFactors == null ? Map.of() : resolutionFactors);
    }
  }

  /** Credits per second of video, and extra credits per second with sound. */
  public record ModelPrice(
      @DefaultValue("2") BigDecimal perSecond,
      @DefaultValue("0") BigDecimal audioPerSecond) {}

  /**
   * @param amount the price in the currency's minor unit (cents)
   * @param currency ISO code in lower case, e.g. {@code eur}
   */
  public record Pack(
      @NotBlank String id,
      @NotBlank String name,
      @Min(1) long credits,
      @Min(1) long amount,
      @Pattern(regexp = "[a-z]{3}") @DefaultValue("eur") String currency) {}

  /**
   * @param secretKey the Stripe API secret key ({@code sk_…}); unset: no sales
   * @param webhookSecret the webhook endpoint's signing secret ({@code whsec_…})
   * @param apiBase Stripe's API address (only changed for tests)
   * @param sendCustomerEmail pass the account's email to Checkout to prefill it; off: Stripe gets
   *     no personal data from Kinora
   * @param webhookTolerance the oldest signature timestamp accepted
   */
  public record Stripe(
      String secretKey,
      String webhookSecret,
      @DefaultValue("https://api.stripe.com") String apiBase,
      @DefaultValue("false") boolean sendCustomerEmail,
      @DefaultValue("5m") Duration webhookTolerance) {

    public boolean configured() {
      return StringUtils.hasText(secretKey);
    }
  }
}
