package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationPage;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads generations. */
@Repository
class GenerationReads {

  private final JdbcClient jdbc;

  GenerationReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<Generation> find(GenerationId id) {
    return jdbc.sql("select * from generations where id = ?")
        .param(id.value())
        .query(GenerationRows::map)
        .optional();
  }

  Optional<Generation> findOwned(UserId owner, GenerationId id) {
    return jdbc.sql("select * from generations where id = ? and user_id = ?")
        .param(id.value())
        .param(owner.value())
        .query(GenerationRows::map)
        .optional();
  }

  List<Generation> recent(UserId owner, int limit, boolean completedOnly) {
    return jdbc.sql("select * from generations where user_id = :user"
            + (completedOnly ? " and status = 'COMPLETED'" : "")
            + " order by created_at desc limit :limit")
        .param("user", owner.value())
        .param("limit", limit)
        .query(GenerationRows::map)
        .list();
  }

  /** Keyset pages over {@code (created_at, id)}; one row more than asked tells whether more follow. */
  GenerationPage page(UserId owner, GenerationId after, boolean ascending, int limit) {
    var cursor = after == null
        ? null
        : jdbc.sql("select created_at from generations where id = ? and user_id = ?")
            .param(after.value())
            .param(owner.value())
            .query(java.sql.Timestamp.class)
            .optional()
            .orElseThrow(() -> new InvalidGenerationRequest(
                "after", "invalid_after", "No video of yours has the id given as after."));
    var direction = ascending ? "asc" : "desc";
    var rows = jdbc.sql("select * from generations where user_id = :user"
            + (cursor == null
                ? ""
                : " and (created_at, id) " + (ascending ? ">" : "<") + " (:cursor, :after)")
            + " order by created_at " + direction + ", id " + direction + " limit :limit")
        .param("user", owner.value())
        .param("cursor", cursor)
        .param("after", after == null ? null : after.value())
        .param("limit", limit + 1)
        .query(GenerationRows::map)
        .list();
    return new GenerationPage(rows.subList(0, Math.min(limit, rows.size())), rows.size() > limit);
  }

  boolean isCancelled(GenerationId id) {
    return jdbc.sql(
            "select status = 'FAILED' and error_code = 'cancelled' from generations where id = ?")
        .param(id.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }
}
