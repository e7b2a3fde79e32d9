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
