package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
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

  boolean isCancelled(GenerationId id) {
    return jdbc.sql(
            "select status = 'FAILED' and error_code = 'cancelled' from generations where id = ?")
        .param(id.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }
}
