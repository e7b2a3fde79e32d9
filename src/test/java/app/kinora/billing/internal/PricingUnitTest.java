package app.kinora.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import app.kinora.billing.ProviderCosts;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prices: the table first, then a platform's cost with the markup, then the default. */
class PricingUnitTest {

  private static final BillingProperties.ModelPrice LOCAL =
      new BillingProperties.ModelPrice(BigDecimal.ONE, new BigDecimal("0.25"));
  private static final BillingProperties.ModelPrice DEFAULT =
      new BillingProperties.ModelPrice(new BigDecimal("2"), new BigDecimal("0.5"));
  private static final ProviderCosts PLATFORM =
      model -> model.equals("veo-fast") ? Optional.of(new BigDecimal("0.10")) : Optional.empty();

  private final Pricing pricing = new Pricing(
      new BillingProperties(
          20,
          100,
          10_000,
          new BillingProperties.Pricing(
              1,
              DEFAULT,
              Map.of("kinora-local", LOCAL),
              Map.of(480, BigDecimal.ONE, 720, new BigDecimal("1.5")),
              new BigDecimal("20"),
              new BigDecimal("1.3")),
          List.of(),
          null,
          20),
      List.of(PLATFORM));

  @Test
  void aModelThePlatformPricesCostsItsCostInCreditsWithTheMarkupRoundedUp() {
    // 0.10 USD/s x 20 credits/USD x 1.3 = 2.6 credits/s; 4 s = 10.4 -> 11
    assertThat(pricing.quote(new PriceRequest("veo-fast", 4, new VideoSize(1280, 720), true)))
        .isEqualTo(Credits.of(11));
  }

  @Test
  void theTableWinsOverThePlatformAndTheDefaultCoversTheRest() {
    // table: (1 x 1.5 + 0.25) x 4 = 7
    assertThat(pricing.quote(new PriceRequest("kinora-local", 4, new VideoSize(1280, 720), true)))
        .isEqualTo(Credits.of(7));
    // default: (2 x 1 + 0) x 2 = 4
    assertThat(pricing.quote(new PriceRequest("unpriced-model", 2, new VideoSize(480, 480), false)))
        .isEqualTo(Credits.of(4));
  }
}
