package app.kinora.privacy;

import app.kinora.privacy.PrivacyRequest.Jurisdiction;
import app.kinora.privacy.PrivacyRequest.Kind;
import app.kinora.privacy.PrivacyRequest.Status;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code privacy_requests} table: requests as logged, their extension and closing, the reads
 * of the queue, and pseudonymisation on erasure. The rules for when each change is allowed are
 * {@link PrivacyRequests}'s.
 */
@Repository
class PrivacyRequestRows {

  private final JdbcClient jdbc;

  PrivacyRequestRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A request logged by an operator, not verified yet; {@code user} null if no account matches. */
  void insertReceived(
      UUID id,
      Kind kind,
      String email,
      UserId user,
      String channel,
      Jurisdiction jurisdiction,
      Instant received,
      Instant due) {
    jdbc.sql("""
            insert into privacy_requests (id, kind, requester_email, user_id, channel, jurisdiction, received_at, due_at, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED')""")
        .params(
            id,
            kind.name(),
            email,
            user == null ? null : user.value(),
            channel,
            jurisdiction.name(),
            Timestamp.from(received),
            Timestamp.from(due))
        .update();
  }

  /** A request made through the account itself, so verified when received. */
  void insertVerified(
      UUID id,
      Kind kind,
      String email,
      UserId user,
      Jurisdiction jurisdiction,
      Instant received,
      Instant due,
      String details) {
    jdbc.sql("""
            insert into privacy_requests (id, kind, requester_email, user_id, channel, jurisdiction, received_at, due_at,
                                          status, verified_at, details)
            values (?, ?, ?, ?, 'account', ?, ?, ?, 'VERIFIED', ?, ?)""")
        .params(
            id,
            kind.name(),
            email,
            user.value(),
            jurisdiction.name(),
            Timestamp.from(received),
            Timestamp.from(due),
            Timestamp.from(received),
            details)
        .update();
  }

  void extend(UUID id, String reason, Instant due) {
    jdbc.sql(
            "update privacy_requests set extended = true, extension_reason = ?, due_at = ? where id = ?")
        .params(reason, Timestamp.from(due), id)
        .update();
  }

  void close(UUID id, Status status, String outcome, Instant closed) {
    jdbc.sql("update privacy_requests set status = ?, outcome = ?, closed_at = ? where id = ?")
        .params(status.name(), outcome, Timestamp.from(closed), id)
        .update();
  }

  /** Open requests, the most urgent first. */
  List<PrivacyRequest> open() {
    return jdbc.sql(
            "select * from privacy_requests where status not in ('COMPLETED', 'REJECTED') order by due_at")
        .query(PrivacyRequestRows::map)
        .list();
  }

  /** Recently closed requests, newest first. */
  List<PrivacyRequest> closed(int limit) {
    return jdbc.sql(
            "select * from privacy_requests where status in ('COMPLETED', 'REJECTED') order by closed_at desc limit ?")
        .param(limit)
        .query(PrivacyRequestRows::map)
        .list();
  }

  Optional<PrivacyRequest> find(UUID id) {
    return jdbc.sql("select * from privacy_requests where id = ?")
        .param(id)
        .query(PrivacyRequestRows::map)
        .optional();
  }

  /** The requests about the user, for their export. */
  List<java.util.Map<String, Object>> export(UserId user) {
    return jdbc
        .sql("select * from privacy_requests where user_id = ? order by received_at")
        .param(user.value())
        .query(PrivacyRequestRows::map)
        .list()
        .stream()
        .map(r -> java.util.Map.<String, Object>of(
            "kind",
            r.kind().name().toLowerCase(),
            "receivedAt",
            r.receivedAt().toString(),
            "status",
            r.status().name().toLowerCase(),
            "outcome",
            r.outcome() == null ? "" : r.outcome()))
        .toList();
  }

  /**
   * On erasure the record that a request was made and answered stays (it shows the law was
   * followed), without the address or the account: the user id becomes a tombstone.
   */
  void pseudonymise(UserId user) {
    jdbc.sql("""
            update privacy_requests set requester_email = 'erased', user_id = ?, verification_token_hash = null,
                                        details = ''
             where user_id = ?""").params(UUID.randomUUID(), user.value()).update();
  }

  static PrivacyRequest map(ResultSet rs, int row) throws SQLException {
    var user = rs.getObject("user_id", UUID.class);
    return new PrivacyRequest(
        rs.getObject("id", UUID.class),
        Kind.valueOf(rs.getString("kind")),
        rs.getString("requester_email"),
        user == null ? null : new UserId(user),
        rs.getString("channel"),
        Jurisdiction.valueOf(rs.getString("jurisdiction")),
        rs.getTimestamp("received_at").toInstant(),
        rs.getTimestamp("due_at").toInstant(),
        rs.getBoolean("extended"),
        rs.getString("extension_reason"),
        Status.valueOf(rs.getString("status")),
        instant(rs.getTimestamp("verified_at")),
        instant(rs.getTimestamp("closed_at")),
        rs.getString("outcome"),
        rs.getString("details"));
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
