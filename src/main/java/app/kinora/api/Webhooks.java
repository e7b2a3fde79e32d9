package app.kinora.api;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** An account's webhook endpoints and the log of deliveries to them. */
@Repository
class Webhooks {

  /** Events an endpoint may subscribe to. */
  static final List<String> EVENTS =
      List.of("video.completed", "video.failed", "video.cancelled", "credits.low");

  record Endpoint(
      UUID id,
      UserId owner,
      String url,
      List<String> events,
      String secret,
      String previousSecret,
      Instant previousValidUntil,
      Instant createdAt) {}

  record Delivery(
      String id,
      UUID endpointId,
      UserId owner,
      String eventType,
      String subject,
      String videoId,
      String payload,
      String status,
      int attempts,
      Integer lastStatusCode,
      String lastError,
      Instant createdAt,
      Instant lastAttemptAt,
      Instant deliveredAt) {}

  private final JdbcClient jdbc;

  Webhooks(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void add(Endpoint endpoint) {
    jdbc.sql("""
            insert into webhook_endpoints (id, user_id, url, events, secret, created_at)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            endpoint.id(),
            endpoint.owner().value(),
            endpoint.url(),
            endpoint.events().toArray(String[]::new),
            endpoint.secret(),
            Timestamp.from(endpoint.createdAt()))
        .update();
  }

  List<Endpoint> endpoints(UserId owner) {
    return jdbc.sql("select * from webhook_endpoints where user_id = ? order by created_at")
        .param(owner.value())
        .query(Webhooks::endpoint)
        .list();
  }

  Optional<Endpoint> endpoint(UserId owner, UUID id) {
    return jdbc.sql("select * from webhook_endpoints where id = ? and user_id = ?")
        .params(id, owner.value())
        .query(Webhooks::endpoint)
        .optional();
  }

  /** The owner's endpoints that take this event. */
  List<Endpoint> subscribed(UserId owner, String eventType) {
    return jdbc.sql("select * from webhook_endpoints where user_id = ? and ? = any(events)")
        .params(owner.value(), eventType)
        .query(Webhooks::endpoint)
        .list();
  }

  boolean remove(UserId owner, UUID id) {
    return jdbc.sql("delete from webhook_endpoints where id = ? and user_id = ?")
            .params(id, owner.value())
            .update()
        == 1;
  }

  void rotate(UserId owner, UUID id, String secret, Instant previousValidUntil) {
    jdbc.sql("""
            update webhook_endpoints
               set previous_secret = secret, previous_valid_until = ?, secret = ?
             where id = ? and user_id = ?""")
        .params(Timestamp.from(previousValidUntil), secret, id, owner.value())
        .update();
  }

  /** Records a delivery to make; false when this event about this subject already went to this endpoint. */
  boolean record(Delivery delivery) {
    return jdbc.sql("""
            insert into webhook_deliveries (id, endpoint_id, user_id, event_type, subject, video_id, payload, status)
            values (?, ?, ?, ?, ?, ?, ?, 'pending') on conflict do nothing""")
            .params(
                delivery.id(),
                delivery.endpointId(),
                delivery.owner().value(),
                delivery.eventType(),
                delivery.subject(),
                delivery.videoId(),
                delivery.payload())
            .update()
        == 1;
  }

  Optional<Delivery> delivery(String id) {
    return jdbc.sql("select * from webhook_deliveries where id = ?")
        .param(id)
        .query(Webhooks::delivery)
        .optional();
  }

  Optional<Delivery> delivery(UserId owner, String id) {
    return delivery(id).filter(d -> d.owner().equals(owner));
  }

  List<Delivery> deliveries(UserId owner, UUID endpointId, int limit) {
    return jdbc.sql("""
            select * from webhook_deliveries where endpoint_id = ? and user_id = ?
             order by created_at desc limit ?""")
        .params(endpointId, owner.value(), limit)
        .query(Webhooks::delivery)
        .list();
  }

  /** One attempt's outcome; {@code status} is {@code delivered}, {@code pending} or {@code failed}. */
  void attempted(String id, String status, Integer statusCode, String error) {
    jdbc.sql("""
            update webhook_deliveries
               set attempts = attempts + 1, status = ?, last_status_code = ?, last_error = ?,
                   last_attempt_at = now(),
                   delivered_at = case when ? = 'delivered' then now() else delivered_at end
             where id = ?""").params(status, statusCode, error, status, id).update();
  }

  void giveUp(String id) {
    jdbc.sql("update webhook_deliveries set status = 'failed' where id = ? and status = 'pending'")
        .param(id)
        .update();
  }

  void pendingAgain(String id) {
    jdbc.sql("update webhook_deliveries set status = 'pending' where id = ?")
        .param(id)
        .update();
  }

  void deleteAll(UserId owner) {
    jdbc.sql("delete from webhook_deliveries where user_id = ?")
        .param(owner.value())
        .update();
    jdbc.sql("delete from webhook_endpoints where user_id = ?")
        .param(owner.value())
        .update();
  }

  long deleteDeliveriesBefore(Instant cutoff) {
    return jdbc.sql("delete from webhook_deliveries where created_at < ? and status <> 'pending'")
        .param(Timestamp.from(cutoff))
        .update();
  }

  private static Endpoint endpoint(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    var previousUntil = rs.getTimestamp("previous_valid_until");
    return new Endpoint(
        rs.getObject("id", UUID.class),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("url"),
        Arrays.asList((String[]) rs.getArray("events").getArray()),
        rs.getString("secret"),
        rs.getString("previous_secret"),
        previousUntil == null ? null : previousUntil.toInstant(),
        rs.getTimestamp("created_at").toInstant());
  }

  private static Delivery delivery(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    var attempted = rs.getTimestamp("last_attempt_at");
    var delivered = rs.getTimestamp("delivered_at");
    return new Delivery(
        rs.getString("id"),
        rs.getObject("endpoint_id", UUID.class),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("event_type"),
        rs.getString("subject"),
        rs.getString("video_id"),
        rs.getString("payload"),
        rs.getString("status"),
        rs.getInt("attempts"),
        (Integer) rs.getObject("last_status_code"),
        rs.getString("last_error"),
        rs.getTimestamp("created_at").toInstant(),
        attempted == null ? null : attempted.toInstant(),
        delivered == null ? null : delivered.toInstant());
  }
}
