package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The price table of configuration applied to a piece of work. */
@Component
class Pricing {

  private final BillingProperties.Pricing table;
  private final TreeMap<Integer, BigDecimal> factors;

  Pricing(BillingProperties properties) {
    this.table = properties.pricing();
    this.factors = new TreeMap<>(table.resolutionFactors());
  }

  Credits quote(PriceRequest work) {
    var price = table.models().getOrDefault(work.model(), table.defaultPrice());
    var perSecond = price.perSecond().multiply(resolutionFactor(Math.min(work.size().width(), work.size().height())));
    if (work.audio()) {
      perSecond = perSecond.add(price.audioPerSecond());
    }
    long credits = perSecond.multiply(BigDecimal.valueOf(work.seconds())).setScale(0, RoundingMode.CEILING).longValueExact();
    return Credits.of(Math.max(table.minimumPerJob(), credits));
  }

  private BigDecimal resolutionFactor(int shorterSide) {
    if (factors.isEmpty()) {
      return BigDecimal.ONE;
    }
    var tier = factors.ceilingEntry(shorterSide);
    return tier != null ? tier.getValue() : factors.lastEntry().getValue();
  }
}
