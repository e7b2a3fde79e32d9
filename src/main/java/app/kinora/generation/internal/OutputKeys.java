package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.OutputVariant;
import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The media keys of generations' stored files: video, poster, sprite sheet. */
@Repository
class OutputKeys {

  private static final String ALL_KEYS = "unnest(array[output_key, poster_key, sprite_key]) as key";

  private final JdbcClient jdbc;

  OutputKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One file of a completed generation of the owner's, in one query (players ask for many ranges). */
  Optional<String> of(UserId owner, GenerationId id, OutputVariant variant) {
    var column = switch (variant) {
      case VIDEO -> "output_key";
      case THUMBNAIL -> "poster_key";
      case SPRITESHEET -> "sprite_key";
    };
    return jdbc.sql("select " + column
            + " from generations where id = ? and user_id = ? and status = 'COMPLETED'")
        .param(id.value())
        .param(owner.value())
        .query(String.class)
        .optional();
  }

  /** Every stored file of the owner's generations. */
  List<String> ofOwner(UserId owner) {
    return jdbc.sql(
            "select key from generations, " + ALL_KEYS + " where user_id = ? and key is not null")
        .param(owner.value())
        .query(String.class)
        .list();
  }

  /** Each finished generation's video file, oldest first, for the owner's data export. */
  Map<GenerationId, String> videos(UserId owner) {
    var keys = new LinkedHashMap<GenerationId, String>();
    jdbc.sql(
            "select id, output_key from generations where user_id = ? and output_key is not null order by created_at")
        .param(owner.value())
        .query((rs, n) -> keys.put(new GenerationId(rs.getObject(1, UUID.class)), rs.getString(2)))
        .list();
    return keys;
  }

  /** Those of the keys that some generation still refers to. */
  Set<String> referenced(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select key from generations, " + ALL_KEYS + " where key = any(?)")
            .param(keys.toArray(String[]::new))
            .query(String.class)
            .list());
  }
}
