package app.kinora.provider;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Platforms an operator paused: kept in the database, so every node stops sending them new jobs
 * at once. Jobs already submitted there are still followed and collected.
 */
@Component
class PlatformPauses {

  private final JdbcClient jdbc;
  private final Clock clock;

  PlatformPauses(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  boolean isPaused(String platform) {
    return jdbc.sql("select count(*) from provider_pauses where platform = ?")
            .param(platform)
            .query(Long.class)
            .single()
        > 0;
  }

  /** Each paused platform with the operator's reason. */
  Map<String, String> all() {
    var paused = new TreeMap<String, String>();
    jdbc.sql("select platform, reason from provider_pauses").query(rs -> {
      paused.put(rs.getString(1), rs.getString(2));
    });
    return paused;
  }

  boolean pause(String platform, String reason) {
    return jdbc.sql("""
                insert into provider_pauses (platform, paused_at, reason) values (?, ?, ?)
                on conflict (platform) do nothing""")
            .params(platform, Timestamp.from(clock.instant()), reason)
            .update()
        == 1;
  }

  boolean resume(String platform) {
    return jdbc.sql("delete from provider_pauses where platform = ?")
            .param(platform)
            .update()
        == 1;
  }
}
