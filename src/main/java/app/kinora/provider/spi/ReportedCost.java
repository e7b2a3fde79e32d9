package app.kinora.provider.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a platform said one job cost, where it says: a price in US dollars (OpenRouter's {@code
 * usage.cost}), or its own measure where it gives no price (Kling's credits, fal's billable units,
 * Replicate's seconds of compute). Never an estimate of Kinora's.
 *
 * @param usd the price in US dollars; null when the platform gave none
 * @param units the platform's own measure; null when it gave none
 * @param unit what {@code units} counts, in the platform's words, e.g. {@code credits}
 */
public record ReportedCost(BigDecimal usd, BigDecimal units, String unit) {

  public ReportedCost {
    if (usd == null && units == null) {
      throw new IllegalArgumentException("a reported cost needs a price or a measure");
    }
    if (usd != null && usd.signum() < 0 || units != null && units.signum() < 0) {
      throw new IllegalArgumentException("a cost is never negative");
    }
    if (units != null && (unit == null || unit.isBlank())) {
      throw new IllegalArgumentException("a measure needs its unit");
    }
    unit = units == null ? null : unit;
  }

  public static ReportedCost usd(BigDecimal usd) {
    return new ReportedCost(Objects.requireNonNull(usd, "usd"), null, null);
  }

  public static ReportedCost units(BigDecimal units, String unit) {
    return new ReportedCost(null, Objects.requireNonNull(units, "units"), unit);
  }
}
