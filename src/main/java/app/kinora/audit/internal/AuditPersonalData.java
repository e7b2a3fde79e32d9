package app.kinora.audit.internal;

import app.kinora.audit.AuditTrail;
import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit trail stays when an account is closed (it is kept for legal reasons), but the
 * user's id in it is replaced by a random tombstone id that leads nowhere.
 */
@Component
class AuditPersonalData implements PersonalDataHolder {

  private final AuditTrail trail;
  private final JdbcClient jdbc;

  AuditPersonalData(AuditTrail trail, JdbcClient jdbc) {
    this.trail = trail;
    this.jdbc = jdbc;
  }

  @Override
  public String module() {
    return "audit";
  }

  @Override
  public Set<String> tables() {
    return Set.of("audit_events");
  }

  @Override
  public List<PersonalColumn> columns() {
    return PersonalColumn.of(
        "audit_events",
        DataCategory.DEVICE_AND_LOG,
        "kept for legal reasons; pseudonymised when the account is closed",
        Set.of(Purpose.SECURITY, Purpose.LEGAL),
        "actor_kind",
        "action",
        "details");
  }

  @Override
  public Map<String, Object> export(UserId user) {
    return Map.of(
        "events",
        trail.about(user).stream()
            .map(e -> Map.of(
                "at",
                e.occurredAt().toString(),
                "by",
                e.actorKind().name().toLowerCase(),
                "action",
                e.action(),
                "details",
                e.details()))
            .toList());
  }

  @Override
  public void erase(UserId user) {
    var tombstone = UUID.randomUUID();
    jdbc.sql("update audit_events set subject_user = ? where subject_user = ?")
        .params(tombstone, user.value())
        .update();
    jdbc.sql("update audit_events set actor_id = ? where actor_id = ?")
        .params(tombstone, user.value())
        .update();
  }
}
