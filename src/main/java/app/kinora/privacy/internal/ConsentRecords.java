package app.kinora.privacy.internal;

import app.kinora.privacy.Consent;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Signed-in users' consent history: rows are only ever added; the newest is the choice. */
@Repository
public class ConsentRecords {

  /** One recorded choice. */
  public record Record(
      int version, boolean preferences, boolean analytics, boolean gpc, Instant recordedAt) {}

  private final JdbcClient jdbc;

  ConsentRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void record(UserId user, Consent consent, Instant at) {
    jdbc.sql("""
            insert into consent_records (user_id, version, preferences, analytics, gpc, recorded_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            user.value(),
            consent.version(),
            consent.preferences(),
            consent.analytics(),
            consent.globalPrivacyControl(),
            Timestamp.from(at))
        .update();
  }

  /** The user's newest choice under this version of the consent text. */
  public Optional<Record> latest(UserId user, int version) {
    return history(user).stream().filter(record -> record.version() == version).findFirst();
  }

  /** Every choice the user made, newest first. */
  public List<Record> history(UserId user) {
    return jdbc.sql("""
            select version, preferences, analytics, gpc, recorded_at from consent_records
             where user_id = ? order by id desc""")
        .param(user.value())
        .query((rs, n) -> new Record(
            rs.getInt(1),
            rs.getBoolean(2),
            rs.getBoolean(3),
            rs.getBoolean(4),
            rs.getTimestamp(5).toInstant()))
        .list();
  }

  public List<Map<String, Object>> export(UserId user) {
    return history(user).stream()
        .map(r -> Map.<String, Object>of(
            "version",
            r.version(),
            "preferences",
            r.preferences(),
            "analytics",
            r.analytics(),
            "globalPrivacyControl",
            r.gpc(),
            "recordedAt",
            r.recordedAt().toString()))
        .toList();
  }

  public void erase(UserId user) {
    jdbc.sql("delete from consent_records where user_id = ?")
        .param(user.value())
        .update();
  }
}
