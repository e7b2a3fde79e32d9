package app.kinora.generation.internal;

import app.kinora.billing.LedgerSubjects;
import app.kinora.generation.GenerationId;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Names the videos in a user's credits history by their prompt, and links a finished one to its
 * page. References are the videos' API ids, as the intake gives them to the hold.
 */
@Component
class VideoLedgerSubjects implements LedgerSubjects {

  private static final int TITLE = 80;

  private final JdbcClient jdbc;

  VideoLedgerSubjects(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Map<String, Subject> describe(UserId owner, Collection<String> references) {
    var ids = new HashMap<UUID, String>();
    for (var reference : references) {
      try {
        ids.put(GenerationId.fromApiId(reference).value(), reference);
      } catch (IllegalArgumentException notAVideo) {
        // another module's reference
      }
    }
    var named = new HashMap<String, Subject>();
    if (ids.isEmpty()) {
      return named;
    }
    jdbc.sql("select id, prompt, status from generations where user_id = :user and id in (:ids)")
        .param("user", owner.value())
        .param("ids", ids.keySet())
        .query((rs, n) -> {
          var id = rs.getObject("id", UUID.class);
          var link = "COMPLETED".equals(rs.getString("status")) ? "/library/" + id : null;
          return Map.entry(ids.get(id), new Subject(title(rs.getString("prompt")), link));
        })
        .list()
        .forEach(entry -> named.put(entry.getKey(), entry.getValue()));
    return named;
  }

  private static String title(String prompt) {
    var text = prompt.strip().replaceAll("\\s+", " ");
    return text.length() <= TITLE ? text : text.substring(0, TITLE - 1) + "…";
  }
}
