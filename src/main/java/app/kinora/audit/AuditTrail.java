package app.kinora.audit;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Records actions that someone may later need to account for, and reads them back. */
@Service
public class AuditTrail {

  /** Who acted. */
  public enum ActorKind {
    USER,
    OPERATOR,
    SYSTEM
  }

  /** One recorded action. */
  public record Event(
      Instant occurredAt,
      ActorKind actorKind,
      UUID actorId,
      String action,
      UUID subjectUser,
      String details) {}

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditTrail(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Appends an event. {@code details} is free text for people — never secrets, and no more
   * personal data than the action needs.
   */
  public void record(
      ActorKind actorKind, UserId actor, String action, UserId subject, String details) {
    jdbc.sql("""
            insert into audit_events (occurred_at, actor_kind, actor_id, action, subject_user, details)
            values (?, ?, ?, ?, ?, ?)""")
        .params(
            Timestamp.from(clock.instant()),
            actorKind.name(),
            actor == null ? null : actor.value(),
            action,
            subject == null ? null : subject.value(),
            details == null ? "" : details)
        .update();
  }

  /**
   * What the console's audit viewer asks for; null fields match anything.
   *
   * @param action actions starting with this text, e.g. {@code admin.}
   * @param actorKind who acted
   * @param subject about this user
   * @param actor by this user
   * @param since at or after this time
   */
  public record Filter(
      String action, ActorKind actorKind, UserId subject, UserId actor, Instant since) {}

  /** Events matching the filter, newest first. */
  public List<Event> search(Filter filter, int limit) {
    var sql = new StringBuilder("""
        select occurred_at, actor_kind, actor_id, action, subject_user, details from audit_events
         where true""");
    var params = new java.util.LinkedHashMap<String, Object>();
    if (filter.action() != null && !filter.action().isBlank()) {
      sql.append(" and action like :action escape '\\'");
      params.put(
          "action",
          filter.action().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
              + "%");
    }
    if (filter.actorKind() != null) {
      sql.append(" and actor_kind = :kind");
      params.put("kind", filter.actorKind().name());
    }
    if (filter.subject() != null) {
      sql.append(" and subject_user = :subject");
      params.put("subject", filter.subject().value());
    }
    if (filter.actor() != null) {
      sql.append(" and actor_id = :actor");
      params.put("actor", filter.actor().value());
    }
    if (filter.since() != null) {
      sql.append(" and occurred_at >= :since");
      params.put("since", Timestamp.from(filter.since()));
    }
    sql.append(" order by id desc limit :limit");
    params.put("limit", limit);
    return jdbc.sql(sql.toString()).params(params).query(AuditTrail::event).list();
  }

  private static Event event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Event(
        rs.getTimestamp(1).toInstant(),
        ActorKind.valueOf(rs.getString(2)),
        rs.getObject(3, UUID.class),
        rs.getString(4),
        rs.getObject(5, UUID.class),
        rs.getString(6));
  }

  /** The events about a user, oldest first. */
  public List<Event> about(UserId subject) {
    return jdbc.sql("""
            select occurred_at, actor_kind, actor_id, action, subject_user, details from audit_events
             where subject_user = ? order by id""")
        .param(subject.value())
        .query((rs, n) -> new Event(
            rs.getTimestamp(1).toInstant(),
            ActorKind.valueOf(rs.getString(2)),
            rs.getObject(3, UUID.class),
            rs.getString(4),
            rs.getObject(5, UUID.class),
            rs.getString(6)))
        .list();
  }
}
