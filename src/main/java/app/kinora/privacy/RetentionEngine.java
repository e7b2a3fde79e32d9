package app.kinora.privacy;

import app.kinora.privacy.spi.RetentionRule;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps every category of data only as long as its period: runs each module's
 * {@link RetentionRule} with a cutoff of now minus the period, and records each run (category,
 * cutoff, how many items, when). Scheduled as a cluster-safe recurring job; one rule failing does
 * not stop the others.
 */
@Service
public class RetentionEngine {

  private static final Logger log = LoggerFactory.getLogger(RetentionEngine.class);

  /** A category as the policy page shows it. */
  public record Category(String name, String description, Duration period) {}

  /** One recorded run of a rule. */
  public record Run(String category, Instant cutoff, long affected, Instant ranAt) {}

  private final List<RetentionRule> rules;
  private final PrivacyProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;

  RetentionEngine(
      List<RetentionRule> rules, PrivacyProperties properties, JdbcClient jdbc, Clock clock) {
    this.rules =
        rules.stream().sorted(Comparator.comparing(RetentionRule::category)).toList();
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Every category with the period in force here. */
  public List<Category> categories() {
    return rules.stream()
        .map(rule -> new Category(rule.category(), rule.description(), periodOf(rule)))
        .toList();
  }

  /** Runs every rule as of now. */
  public List<Run> runAll() {
    return runAll(clock.instant());
  }

  /** Runs every rule as of {@code now}: a test can move time without waiting for it. */
  public List<Run> runAll(Instant now) {
    return rules.stream().flatMap(rule -> run(rule, now).stream()).toList();
  }

  /** The most recent runs, newest first. */
  public List<Run> recentRuns(int limit) {
    return jdbc.sql(
            "select category, cutoff, affected, ran_at from retention_runs order by id desc limit ?")
        .param(limit)
        .query((rs, n) -> new Run(
            rs.getString(1),
            rs.getTimestamp(2).toInstant(),
            rs.getLong(3),
            rs.getTimestamp(4).toInstant()))
        .list();
  }

  private java.util.Optional<Run> run(RetentionRule rule, Instant now) {
    var cutoff = now.minus(periodOf(rule));
    try {
      long affected = rule.purge(cutoff);
      var run = new Run(rule.category(), cutoff, affected, now);
      jdbc.sql(
              "insert into retention_runs (category, cutoff, affected, ran_at) values (?, ?, ?, ?)")
          .params(run.category(), Timestamp.from(cutoff), affected, Timestamp.from(now))
          .update();
      if (affected > 0) {
        log.info(
            "Retention: {} removed {} item(s) older than {}", rule.category(), affected, cutoff);
      }
      return java.util.Optional.of(run);
    } catch (RuntimeException e) {
      log.error("Retention rule {} failed; the others still run", rule.category(), e);
      return java.util.Optional.empty();
    }
  }

  private Duration periodOf(RetentionRule rule) {
    return properties.retention().getOrDefault(rule.category(), rule.defaultPeriod());
  }
}
