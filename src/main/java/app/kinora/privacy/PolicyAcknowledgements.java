package app.kinora.privacy;

import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who has read which version of the policy documents. A user accepts the current versions at
 * sign-up; when a newer version is published as material, every signed-in user sees a notice
 * until they acknowledge it (P17).
 */
@Service
public class PolicyAcknowledgements {

  /** A material change the user has not acknowledged yet. */
  public record Notice(String document, String version, String title, String summary) {}

  private final PolicyDocuments documents;
  private final JdbcClient jdbc;
  private final Clock clock;

  PolicyAcknowledgements(PolicyDocuments documents, JdbcClient jdbc, Clock clock) {
    this.documents = documents;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records that the user accepted the versions in force now (at sign-up). */
  public void acceptCurrent(UserId user) {
    PolicyDocuments.DOCUMENTS.forEach(
        document -> acknowledge(user, document, documents.current(document).version()));
  }

  /** Records that the user read this version; a second time changes nothing. */
  public void acknowledge(UserId user, String document, String version) {
    if (documents.find(document, version).isEmpty()) {
      throw new IllegalArgumentException("No such policy version: " + document + " " + version);
    }
    jdbc.sql("""
            insert into policy_acknowledgements (user_id, document, version, acknowledged_at) values (?, ?, ?, ?)
            on conflict do nothing""")
        .params(user.value(), document, version, Timestamp.from(clock.instant()))
        .update();
  }

  /** The first material change the user has yet to acknowledge, if any. */
  public Optional<Notice> pendingFor(UserId user) {
    var acknowledged = jdbc.sql(
            "select document, max(version) from policy_acknowledgements where user_id = ? group by document")
        .param(user.value())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list();
    for (var document : PolicyDocuments.DOCUMENTS) {
      var material = documents.latestMaterial(document);
      var latestRead = acknowledged.stream()
          .filter(e -> e.getKey().equals(document))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse("");
      if (material.isPresent() && latestRead.compareTo(material.get().version()) < 0) {
        var version = material.get();
        return Optional.of(
            new Notice(document, version.version(), version.title(), version.summary()));
      }
    }
    return Optional.empty();
  }

  public List<Map<String, Object>> export(UserId user) {
    return jdbc.sql(
            "select document, version, acknowledged_at from policy_acknowledgements where user_id = ? order by acknowledged_at")
        .param(user.value())
        .query((rs, n) -> Map.<String, Object>of(
            "document",
            rs.getString(1),
            "version",
            rs.getString(2),
            "acknowledgedAt",
            rs.getTimestamp(3).toInstant().toString()))
        .list();
  }

  public void erase(UserId user) {
    jdbc.sql("delete from policy_acknowledgements where user_id = ?")
        .param(user.value())
        .update();
  }
}
