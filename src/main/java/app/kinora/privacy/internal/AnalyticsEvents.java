package app.kinora.privacy.internal;

import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Consented analytics events, and their daily counts once the events themselves are gone. */
@Repository
class AnalyticsEvents {

  private final JdbcClient jdbc;

  AnalyticsEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void record(String kind, String path, Instant at) {
    jdbc.sql("insert into analytics_events (kind, path, occurred_at) values (?, ?, ?)")
        .params(kind, path, Timestamp.from(at))
        .update();
  }

  /** Folds events older than {@code cutoff} into daily counts and deletes them; returns how many. */
  @Transactional
  long aggregateBefore(Instant cutoff) {
    var before = Timestamp.from(cutoff);
    jdbc.sql("""
            insert into analytics_daily (day, kind, path, count)
            select (occurred_at at time zone 'UTC')::date, kind, path, count(*) from analytics_events
             where occurred_at < ? group by 1, 2, 3
            on conflict (day, kind, path) do update set count = analytics_daily.count + excluded.count""").param(before).update();
    return jdbc.sql("delete from analytics_events where occurred_at < ?")
        .param(before)
        .update();
  }
}
