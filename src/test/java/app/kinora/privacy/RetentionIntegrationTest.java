package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The retention engine with a moved clock: what is past its period goes, and each run is recorded. */
class RetentionIntegrationTest extends IntegrationTest {

  @Autowired
  RetentionEngine engine;

  @Autowired
  JdbcClient jdbc;

  @Test
  void analyticsEventsPastTheirPeriodBecomeDailyCountsAndTheRunIsRecorded() {
    var now = Instant.parse("2031-06-15T12:00:00Z");
    var old = now.minus(Duration.ofDays(91));
    var recent = now.minus(Duration.ofDays(89));
    event("page_view", "/retention-test", old);
    event("page_view", "/retention-test", old.plusSeconds(60));
    event("page_view", "/retention-test", recent);

    var runs = engine.runAll(now);

    assertThat(jdbc.sql("select count(*) from analytics_events where path = '/retention-test'")
            .query(Long.class)
            .single())
        .as("only the recent event is left")
        .isEqualTo(1);
    assertThat(
            jdbc.sql("select count from analytics_daily where path = '/retention-test' and day = ?")
                .param(java.sql.Date.valueOf("2031-03-16"))
                .query(Long.class)
                .single())
        .isEqualTo(2);
    assertThat(runs).anySatisfy(run -> {
      assertThat(run.category()).isEqualTo("analytics-events");
      assertThat(run.affected())
          .as("at least this test's two old events")
          .isGreaterThanOrEqualTo(2);
      assertThat(run.cutoff()).isEqualTo(now.minus(Duration.ofDays(90)));
    });
    assertThat(engine.recentRuns(10)).anySatisfy(run -> assertThat(run.ranAt()).isEqualTo(now));
  }

  @Test
  void everyCategoryIsListedWithThePeriodInForce() {
    assertThat(engine.categories())
        .extracting(RetentionEngine.Category::name)
        .contains("analytics-events", "retention-runs");
    assertThat(engine.categories())
        .filteredOn(c -> c.name().equals("analytics-events"))
        .singleElement()
        .satisfies(c -> assertThat(c.period()).isEqualTo(Duration.ofDays(90)));
  }

  private void event(String kind, String path, Instant at) {
    jdbc.sql("insert into analytics_events (kind, path, occurred_at) values (?, ?, ?)")
        .params(kind, path, Timestamp.from(at))
        .update();
  }
}
