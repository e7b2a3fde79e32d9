package app.kinora.provider;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What generations cost Kinora at the platforms, from the transfer log, for operators: the price a
 * platform reported where it reports one, else an estimate from the route's published price.
 */
public interface PlatformCosts {

  /** Each generation whose data was sent to a platform since then, with what that cost. */
  List<GenerationCost> since(Instant since);

  /**
   * The costs of one generation's transmissions (one per route tried).
   *
   * @param model the model the user asked for
   * @param reportedUsd what the platforms reported charging, in US dollars; zero when none did
   * @param estimatedUsd for each completed transmission whose platform reported no price: the
   *     route's published price per second × the seconds asked; zero when there is none
   * @param reportedUnits the platforms' own measures where they gave no price, by unit (e.g.
   *     {@code credits}, {@code billable units}); empty when none
   */
  record GenerationCost(
      UUID generation,
      String model,
      BigDecimal reportedUsd,
      BigDecimal estimatedUsd,
      Map<String, BigDecimal> reportedUnits) {

    public GenerationCost {
      reportedUnits = Map.copyOf(reportedUnits);
    }

    public BigDecimal totalUsd() {
      return reportedUsd.add(estimatedUsd);
    }
  }
}
