package app.kinora.provider;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The transfer log's costs, summed per generation. */
@Component
class TransferCosts implements PlatformCosts {

  private final JdbcClient jdbc;

  TransferCosts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A transmission counts what its platform reported; one that reported no price counts its
   * published price only if it completed (platforms do not bill a refused or failed job, and a
   * job Kinora lost track of has no known price). Rows from before the requested model was kept
   * count under the platform's model.
   */
  @Override
  public List<GenerationCost> since(Instant since) {
    var rows = jdbc.sql("""
            select generation_id, coalesce(requested_model, model), outcome = 'completed',
                   listed_cost_usd, reported_cost_usd, reported_units, reported_unit
              from provider_transfers where sent_at >= ? order by sent_at, id""")
        .param(Timestamp.from(since))
        .query((rs, n) -> new Row(
            rs.getObject(1, UUID.class),
            rs.getString(2),
            rs.getBoolean(3),
            rs.getBigDecimal(4),
            rs.getBigDecimal(5),
            rs.getBigDecimal(6),
            rs.getString(7)))
        .list();
    var sums = new LinkedHashMap<UUID, Sum>();
    for (var row : rows) {
      sums.computeIfAbsent(row.generation(), id -> new Sum(row.model())).add(row);
    }
    var costs = new ArrayList<GenerationCost>();
    sums.forEach((generation, sum) -> costs.add(sum.of(generation)));
    return costs;
  }

  private record Row(
      UUID generation,
      String model,
      boolean completed,
      BigDecimal listedUsd,
      BigDecimal reportedUsd,
      BigDecimal units,
      String unit) {}

  private static final class Sum {
    private final String model;
    private BigDecimal reported = BigDecimal.ZERO;
    private BigDecimal estimated = BigDecimal.ZERO;
    private final Map<String, BigDecimal> units = new TreeMap<>();

    Sum(String model) {
      this.model = model;
    }

    void add(Row row) {
      if (row.reportedUsd() != null) {
        reported = reported.add(row.reportedUsd());
      } else if (row.completed() && row.listedUsd() != null) {
        estimated = estimated.add(row.listedUsd());
      }
      if (row.units() != null) {
        units.merge(row.unit(), row.units(), BigDecimal::add);
      }
    }

    GenerationCost of(UUID generation) {
      return new GenerationCost(generation, model, reported, estimated, units);
    }
  }
}
