package app.kinora.admin.internal;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.Charge;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.provider.PlatformCosts;
import app.kinora.provider.PlatformCosts.GenerationCost;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Cost against revenue per model, for the console's overview: what the platforms charged (or, where
 * they report no price, their published price) for the videos sent to them, beside the credits
 * Kinora charged for those videos.
 */
@Component
class ModelMargins {

  private final PlatformCosts costs;
  private final CreditLedger credits;
  private final BillingProperties billing;

  ModelMargins(PlatformCosts costs, CreditLedger credits, BillingProperties billing) {
    this.costs = costs;
    this.credits = credits;
    this.billing = billing;
  }

  /** Per model the user asked for, the videos sent to a platform since then; by model name. */
  List<Margin> since(Instant since) {
    var generations = costs.since(since);
    var charges = credits.charges(
        generations.stream().map(g -> new HoldId(g.generation())).toList());
    return generations.stream()
        .collect(Collectors.groupingBy(GenerationCost::model, TreeMap::new, Collectors.toList()))
        .entrySet()
        .stream()
        .map(model -> margin(model.getKey(), model.getValue(), charges))
        .toList();
  }

  private Margin margin(String model, List<GenerationCost> videos, Map<HoldId, Charge> charges) {
    long charged = videos.stream()
        .map(video -> charges.get(new HoldId(video.generation())))
        .filter(charge -> charge != null && charge.state() == Charge.State.CAPTURED)
        .mapToLong(charge -> charge.charged().value())
        .sum();
    var units = new TreeMap<String, BigDecimal>();
    videos.forEach(video -> video
        .reportedUnits()
        .forEach((unit, amount) -> units.merge(unit, amount, BigDecimal::add)));
    return new Margin(
        model,
        videos.size(),
        charged,
        BigDecimal.valueOf(charged)
            .divide(billing.pricing().creditsPerUsd(), 2, RoundingMode.HALF_UP),
        sum(videos, GenerationCost::reportedUsd),
        sum(videos, GenerationCost::estimatedUsd),
        units);
  }

  private static BigDecimal sum(
      List<GenerationCost> videos, Function<GenerationCost, BigDecimal> of) {
    return videos.stream().map(of).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /**
   * @param videos the generations sent to a platform (each counted once, however many routes)
   * @param credits the credits charged for them (a video that failed or is still made adds none)
   * @param worthUsd those credits in US dollars at the configured credits per dollar
   * @param reportedUsd what the platforms reported charging
   * @param estimatedUsd published price × seconds, for finished videos whose platform reported none
   * @param units the platforms' own measures where they give no price, by unit
   */
  public record Margin(
      String model,
      int videos,
      long credits,
      BigDecimal worthUsd,
      BigDecimal reportedUsd,
      BigDecimal estimatedUsd,
      Map<String, BigDecimal> units) {

    public BigDecimal costUsd() {
      return reportedUsd.add(estimatedUsd).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal estimatedPart() {
      return estimatedUsd.setScale(2, RoundingMode.HALF_UP);
    }

    /** E.g. {@code 5 credits, 41.2 seconds of compute}; empty when no platform gave one. */
    public String unitsText() {
      return units.entrySet().stream()
          .map(e -> e.getValue().stripTrailingZeros().toPlainString() + " " + e.getKey())
          .collect(Collectors.joining(", "));
    }
  }
}
