package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationChanged;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.media.UploadId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.OutputVariant;
import app.kinora.media.SpriteSheet;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code generations} table. State changes are conditional updates: a run may only change
 * a generation while it holds the current {@code attempt}, so a stale worker can never overwrite
 * the result of a newer one.
 */
@Repository
class GenerationRepository {

  static final String CHANNEL = "kinora_generation";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  GenerationRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  void insert(Generation g) {
    jdbc.sql(
            """
            insert into generations (id, user_id, model, prompt, seconds, width, height, seed, fps,
                                     generate_audio, caption, status, progress, attempt, created_at,
                                     first_frame_upload, last_frame_upload, audio_upload, video_upload, negative_prompt,
                                     reference_images)
            values (:id, :user, :model, :prompt, :seconds, :width, :height, :seed, :fps,
                    :audio, :caption, :status, 0, 0, :created, :firstFrame, :lastFrame, :audioUpload, :videoUpload,
                    :negativePrompt, :referenceImages)""")
        .param("negativePrompt", g.negativePrompt())
        .param("referenceImages", g.references().images().stream().map(UploadId::value).toArray(UUID[]::new))
        .param("id", g.id().value())
        .param("user", g.owner().value())
        .param("model", g.model())
        .param("prompt", g.prompt())
        .param("seconds", g.seconds())
        .param("width", g.size().width())
        .param("height", g.size().height())
        .param("seed", g.seed())
        .param("fps", g.framesPerSecond())
        .param("audio", g.generateAudio())
        .param("caption", g.caption())
        .param("firstFrame", uuid(g.references().firstFrame()))
        .param("lastFrame", uuid(g.references().lastFrame()))
        .param("audioUpload", uuid(g.references().audio()))
        .param("videoUpload", uuid(g.references().video()))
        .param("status", g.status().name())
        .param("created", Timestamp.from(g.createdAt()))
        .update();
    events.publishEvent(new GenerationChanged(g.id(), g.owner()));
  }

  Optional<Generation> find(GenerationId id) {
    return jdbc.sql("select * from generations where id = ?").param(id.value()).query(this::map).optional();
  }

  Optional<Generation> findOwned(UserId owner, GenerationId id) {
    return jdbc.sql("select * from generations where id = ? and user_id = ?")
        .param(id.value())
        .param(owner.value())
        .query(this::map)
        .optional();
  }

  List<Generation> recent(UserId owner, int limit, boolean completedOnly) {
    return jdbc.sql(
            "select * from generations where user_id = :user"
                + (completedOnly ? " and status = 'COMPLETED'" : "")
                + " order by created_at desc limit :limit")
        .param("user", owner.value())
        .param("limit", limit)
        .query(this::map)
        .list();
  }

  Optional<String> outputKey(UserId owner, GenerationId id, OutputVariant variant) {
    var column = switch (variant) {
      case VIDEO -> "output_key";
      case THUMBNAIL -> "poster_key";
      case SPRITESHEET -> "sprite_key";
    };
    return jdbc.sql("select " + column + " from generations where id = ? and user_id = ? and status = 'COMPLETED'")
        .param(id.value())
        .param(owner.value())
        .query(String.class)
        .optional();
  }

  /** Claims the generation for a new run; empty if it has already ended. */
  Optional<Integer> startAttempt(GenerationId id) {
    return jdbc.sql(
            """
            update generations
               set status = 'IN_PROGRESS', attempt = attempt + 1, progress = 0,
                   started_at = coalesce(started_at, now())
             where id = ? and status in ('QUEUED', 'IN_PROGRESS')
            returning attempt""")
        .param(id.value())
        .query(Integer.class)
        .optional()
        .map(attempt -> {
          stateChanged(id);
          return attempt;
        });
  }

  boolean progress(GenerationId id, int attempt, int percent) {
    return changed(
        jdbc.sql(
                """
                update generations set progress = :percent
                 where id = :id and attempt = :attempt and status = 'IN_PROGRESS'""")
            .param("percent", percent)
            .param("id", id.value())
            .param("attempt", attempt)
            .update(),
        id);
  }

  boolean complete(GenerationId id, int attempt, StoredOutput output) {
    var sprite = output.spriteSheet();
    return stateChanged(id, changed(
        jdbc.sql(
                """
                update generations
                   set status = 'COMPLETED', progress = 100, output_key = :key, output_bytes = :bytes,
                       poster_key = :poster, sprite_key = :sprite, sprite_columns = :columns,
                       sprite_rows = :rows, sprite_tile_width = :tileWidth, sprite_tile_height = :tileHeight,
                       sprite_interval_ms = :interval, completed_at = now()
                 where id = :id and attempt = :attempt and status = 'IN_PROGRESS'""")
            .param("key", output.videoKey())
            .param("bytes", output.videoBytes())
            .param("poster", output.posterKey())
            .param("sprite", output.spriteKey())
            .param("columns", sprite.columns())
            .param("rows", sprite.rows())
            .param("tileWidth", sprite.tileWidth())
            .param("tileHeight", sprite.tileHeight())
            .param("interval", sprite.interval().toMillis())
            .param("id", id.value())
            .param("attempt", attempt)
            .update(),
        id));
  }

  boolean fail(GenerationId id, int attempt, Generation.Failure failure) {
    return stateChanged(id, changed(
        jdbc.sql(
                """
                update generations
                   set status = 'FAILED', error_code = :code, error_message = :message, completed_at = now()
                 where id = :id and attempt = :attempt and status = 'IN_PROGRESS'""")
            .param("code", failure.code())
            .param("message", failure.message())
            .param("id", id.value())
            .param("attempt", attempt)
            .update(),
        id));
  }

  /**
   * The owner stops a generation that has not ended: it fails with the code {@code cancelled}. Not
   * fenced by the attempt — whichever attempt is running then finds the generation ended, stops at
   * its next progress report, and can end nothing.
   */
  boolean cancel(UserId owner, GenerationId id) {
    return stateChanged(id, changed(
        jdbc.sql(
                """
                update generations
                   set status = 'FAILED', error_code = 'cancelled', error_message = :message, completed_at = now()
                 where id = :id and user_id = :owner and status in ('QUEUED', 'IN_PROGRESS')""")
            .param("message", Generation.CANCELLED_MESSAGE)
            .param("id", id.value())
            .param("owner", owner.value())
            .update(),
        id));
  }

  boolean isCancelled(GenerationId id) {
    return jdbc.sql("select status = 'FAILED' and error_code = 'cancelled' from generations where id = ?")
        .param(id.value()).query(Boolean.class).optional().orElse(false);
  }

  /** Every stored file of the owner's generations: videos, posters, sprite sheets. */
  List<String> outputKeys(UserId owner) {
    return jdbc.sql(
            """
            select key from generations, unnest(array[output_key, poster_key, sprite_key]) as key
             where user_id = ? and key is not null""")
        .param(owner.value())
        .query(String.class)
        .list();
  }

  /** Each finished generation's video file, by generation, for the owner's data export. */
  Map<GenerationId, String> videoKeys(UserId owner) {
    var keys = new java.util.LinkedHashMap<GenerationId, String>();
    jdbc.sql("select id, output_key from generations where user_id = ? and output_key is not null order by created_at")
        .param(owner.value())
        .query((rs, n) -> keys.put(new GenerationId(rs.getObject(1, java.util.UUID.class)), rs.getString(2)))
        .list();
    return keys;
  }

  /** The stored files of a finished generation and the layout of its sprite sheet. */
  record StoredOutput(String videoKey, long videoBytes, String posterKey, String spriteKey, SpriteSheet spriteSheet) {}

  /** The stored files of one generation of the owner's. */
  List<String> outputKeys(UserId owner, GenerationId id) {
    return jdbc.sql(
            """
            select key from generations, unnest(array[output_key, poster_key, sprite_key]) as key
             where id = ? and user_id = ? and key is not null""")
        .param(id.value())
        .param(owner.value())
        .query(String.class)
        .list();
  }

  Set<String> referencedKeys(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(jdbc.sql(
            """
            select key from generations, unnest(array[output_key, poster_key, sprite_key]) as key
             where key = any(?)""")
        .param(keys.toArray(String[]::new))
        .query(String.class)
        .list());
  }

  void delete(UserId owner, GenerationId id) {
    jdbc.sql("delete from generations where id = ? and user_id = ?").param(id.value()).param(owner.value()).update();
  }

  void deleteAll(UserId owner) {
    jdbc.sql("delete from generations where user_id = ?").param(owner.value()).update();
  }

  /** Tells this node's listeners (the library) that the generation's state changed. */
  private boolean stateChanged(GenerationId id, boolean changed) {
    if (changed) {
      stateChanged(id);
    }
    return changed;
  }

  private void stateChanged(GenerationId id) {
    jdbc.sql("select user_id from generations where id = ?").param(id.value()).query(UUID.class).optional()
        .ifPresent(owner -> events.publishEvent(new GenerationChanged(id, new UserId(owner))));
  }

  /** Tells every node's progress listeners that the generation changed. */
  private boolean changed(int rows, GenerationId id) {
    if (rows > 0) {
      jdbc.sql("select pg_notify(?, ?)").param(CHANNEL).param(id.toString()).query(rs -> {});
    }
    return rows > 0;
  }

  private Generation map(ResultSet rs, int row) throws SQLException {
    var code = rs.getString("error_code");
    var completed = rs.getTimestamp("completed_at");
    return new Generation(
        new GenerationId(rs.getObject("id", UUID.class)),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("model"),
        rs.getString("prompt"),
        rs.getInt("seconds"),
        new VideoSize(rs.getInt("width"), rs.getInt("height")),
        rs.getLong("seed"),
        rs.getInt("fps"),
        rs.getBoolean("generate_audio"),
        rs.getBoolean("caption"),
        GenerationStatus.valueOf(rs.getString("status")),
        rs.getInt("progress"),
        code == null ? null : new Generation.Failure(code, rs.getString("error_message")),
        rs.getTimestamp("created_at").toInstant(),
        completed == null ? null : completed.toInstant(),
        spriteSheet(rs),
        new GenerationReferences(
            upload(rs, "first_frame_upload"), upload(rs, "last_frame_upload"),
            upload(rs, "audio_upload"), upload(rs, "video_upload"), uploads(rs, "reference_images")),
        rs.getString("negative_prompt"));
  }

  private static List<UploadId> uploads(ResultSet rs, String column) throws SQLException {
    var array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return java.util.Arrays.stream((Object[]) array.getArray()).map(id -> new UploadId((UUID) id)).toList();
  }

  private static UploadId upload(ResultSet rs, String column) throws SQLException {
    var id = rs.getObject(column, UUID.class);
    return id == null ? null : new UploadId(id);
  }

  private static UUID uuid(UploadId id) {
    return id == null ? null : id.value();
  }

  private static SpriteSheet spriteSheet(ResultSet rs) throws SQLException {
    if (rs.getString("sprite_key") == null) {
      return null;
    }
    return new SpriteSheet(
        rs.getInt("sprite_columns"),
        rs.getInt("sprite_rows"),
        rs.getInt("sprite_tile_width"),
        rs.getInt("sprite_tile_height"),
        java.time.Duration.ofMillis(rs.getLong("sprite_interval_ms")));
  }
}
