package app.kinora.api;

import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The table of {@code Idempotency-Key}s: one row per account and key, whose insert decides which
 * request runs (on whichever node) and which replay its answer. Each statement commits on its own,
 * so other requests see a claim and an answer at once.
 */
@Repository
class IdempotencyKeys {

  /** A key's row: its request's fingerprint and, once the first request ended, its answer. */
  record Entry(String fingerprint, Integer status, String body) {

    boolean answered() {
      return status != null;
    }
  }

  private final JdbcClient jdbc;

  IdempotencyKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Claims the key for a request; false when a request with this key came first. */
  boolean claim(UserId user, String key, String fingerprint, Duration lifetime) {
    // a key older than its lifetime is free again
    jdbc.sql("delete from api_idempotency_keys where user_id = ? and key = ? and created_at < ?")
        .params(user.value(), key, java.sql.Timestamp.from(Instant.now().minus(lifetime)))
        .update();
    return jdbc.sql("""
            insert into api_idempotency_keys (user_id, key, fingerprint) values (?, ?, ?)
            on conflict do nothing""").params(user.value(), key, fingerprint).update() == 1;
  }

  Optional<Entry> find(UserId user, String key) {
    return jdbc.sql(
            "select fingerprint, status, body from api_idempotency_keys where user_id = ? and key = ?")
        .params(user.value(), key)
        .query((rs, n) -> new Entry(
            rs.getString(1), rs.getObject(2) == null ? null : rs.getInt(2), rs.getString(3)))
        .optional();
  }

  void answer(UserId user, String key, int status, String body) {
    jdbc.sql("update api_idempotency_keys set status = ?, body = ? where user_id = ? and key = ?")
        .params(status, body, user.value(), key)
        .update();
  }

  /** Gives the key up when its first request ended without an answer worth replaying. */
  void release(UserId user, String key) {
    jdbc.sql("delete from api_idempotency_keys where user_id = ? and key = ? and status is null")
        .params(user.value(), key)
        .update();
  }

  List<String[]> ofUser(UserId user) {
    return jdbc.sql(
            "select key, created_at::text from api_idempotency_keys where user_id = ? order by created_at")
        .param(user.value())
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
        .list();
  }

  void deleteAll(UserId user) {
    jdbc.sql("delete from api_idempotency_keys where user_id = ?")
        .param(user.value())
        .update();
  }

  long deleteOlderThan(Instant cutoff) {
    return jdbc.sql("delete from api_idempotency_keys where created_at < ?")
        .param(java.sql.Timestamp.from(cutoff))
        .update();
  }
}
