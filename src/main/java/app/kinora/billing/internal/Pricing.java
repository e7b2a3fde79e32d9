package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import app.kinora.billing.ProviderCosts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The price table of configuration applied to a piece of work. */
@Component
class Pricing {

  private final BillingProperties.Pricing table;
  private final TreeMap<Integer, BigDecimal> factors;
  private final List<ProviderCosts> costs;

  Pricing(BillingProperties properties) {
    this(properties, List.of());
  }

  @Autowired
  Pricing(BillingProperties properties, List<ProviderCosts> costs) {
    this.table = properties.pricing();
    this.factors = new TreeMap<>(table.resolutionFactors());
    this.costs = List.copyOf(costs);
  }

  /**
   * The price table's entry for the model; for a model it does not name, the platform's cost with
   * the markup when the platform publishes one, else the default price.
   */
  Credits quote(PriceRequest work) {
    long credits = perSecond(work)
        .multiply(BigDecimal.valueOf(work.seconds()))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
    return Credits.of(Math.max(table.minimumPerJob(), credits));
  }

  private BigDecimal perSecond(PriceRequest work) {
    var listed = table.models().get(work.model());
    if (listed == null) {
      var cost = platformCost(work.model());
      if (cost.isPresent()) {
        return cost.get().multiply(table.creditsPerUsd()).multiply(table.markup());
      }
    }
    var price = listed != null ? listed : table.defaultPrice();
    var perSecond = price
        .perSecond()
        .multiply(resolutionFactor(Math.min(work.size().width(), work.size().height())));
    return work.audio() ? perSecond.add(price.audioPerSecond()) : perSecond;
  }

  private Optional<BigDecimal> platformCost(String model) {
    return costs.stream().flatMap(c -> c.usdPerSecond(model).stream()).findFirst();
  }

  private BigDecimal resolutionFactor(int shorterSide) {
    if (factors.isEmpty()) {
      return BigDecimal.ONE;
    }
    var tier = factors.ceilingEntry(shorterSide);
    return tier != null ? tier.getValue() : factors.lastEntry().getValue();
  }
}
