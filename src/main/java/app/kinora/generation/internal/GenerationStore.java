package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Lineage;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes generations. A change is stored only if the row still has the state the aggregate was
 * read with (status and attempt), so a stale worker can never overwrite the result of a newer
 * one; the aggregate's events are published only when the change was stored, inside the
 * caller's transaction (the event publication registry records them with it).
 */
@Repository
class GenerationStore {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final ProgressNotifier notifier;

  GenerationStore(JdbcClient jdbc, ApplicationEventPublisher events, ProgressNotifier notifier) {
    this.jdbc = jdbc;
    this.events = events;
    this.notifier = notifier;
  }

  void insert(Generation g) {
    var spec = g.spec();
    var references = spec.references();
    jdbc.sql("""
            insert into generations (id, user_id, model, prompt, seconds, width, height, seed, fps,
                                     generate_audio, caption, status, progress, attempt, created_at,
                                     first_frame_upload, last_frame_upload, audio_upload, video_upload, negative_prompt,
                                     reference_images, source_id, source_kind, source_seconds,
                                     prompt_in_credentials)
            values (:id, :user, :model, :prompt, :seconds, :width, :height, :seed, :fps,
                    :audio, :caption, :status, 0, 0, :created, :firstFrame, :lastFrame, :audioUpload, :videoUpload,
                    :negativePrompt, :referenceImages, :source, :sourceKind, :sourceSeconds,
                    :promptInCredentials)""")
        .param("id", g.id().value())
        .param("user", g.owner().value())
        .param("model", spec.model())
        .param("prompt", spec.prompt())
        .param("negativePrompt", spec.negativePrompt())
        .param("seconds", spec.seconds())
        .param("width", spec.size().width())
        .param("height", spec.size().height())
        .param("seed", spec.seed())
        .param("fps", spec.framesPerSecond())
        .param("audio", spec.generateAudio())
        .param("caption", spec.caption())
        .param("promptInCredentials", Boolean.TRUE.equals(spec.promptInCredentials()))
        .param("firstFrame", uuid(references.firstFrame()))
        .param("lastFrame", uuid(references.lastFrame()))
        .param("audioUpload", uuid(references.audio()))
        .param("videoUpload", uuid(references.video()))
        .param(
            "referenceImages",
            references.images().stream().map(UploadId::value).toArray(UUID[]::new))
        .param("status", g.status().name())
        .param("created", Timestamp.from(g.createdAt()))
        .param("source", g.lineage().map(l -> l.source().value()).orElse(null))
        .param("sourceKind", g.lineage().map(l -> l.kind().name()).orElse(null))
        .param("sourceSeconds", g.lineage().map(Lineage::sourceSeconds).orElse(null))
        .update();
    publish(g);
  }

  /** Stores the generation's new state if nobody changed it since it was read; false otherwise. */
  boolean save(Generation g) {
    var state = g.state();
    var output = state.output();
    var sprite = output == null ? null : output.spriteSheet();
    var failure = state.failure();
    int rows = jdbc.sql("""
            update generations
               set status = :status, attempt = :attempt, progress = :progress,
                   started_at = case when :status = 'IN_PROGRESS' then coalesce(started_at, now()) else started_at end,
                   error_code = :code, error_message = :message, completed_at = :completed,
                   output_key = :key, output_bytes = :bytes, poster_key = :poster, sprite_key = :sprite,
                   sprite_columns = :columns, sprite_rows = :rows, sprite_tile_width = :tileWidth,
                   sprite_tile_height = :tileHeight, sprite_interval_ms = :interval
             where id = :id and status = :readStatus and attempt = :readAttempt""")
        .param("status", state.status().name())
        .param("attempt", state.attempt())
        .param("progress", state.progress())
        .param("code", failure == null ? null : failure.code())
        .param("message", failure == null ? null : failure.message())
        .param(
            "completed", state.completedAt() == null ? null : Timestamp.from(state.completedAt()))
        .param("key", output == null ? null : output.videoKey())
        .param("bytes", output == null ? null : output.videoBytes())
        .param("poster", output == null ? null : output.posterKey())
        .param("sprite", output == null ? null : output.spriteKey())
        .param("columns", sprite == null ? null : sprite.columns())
        .param("rows", sprite == null ? null : sprite.rows())
        .param("tileWidth", sprite == null ? null : sprite.tileWidth())
        .param("tileHeight", sprite == null ? null : sprite.tileHeight())
        .param("interval", sprite == null ? null : sprite.interval().toMillis())
        .param("id", g.id().value())
        .param("readStatus", g.stateAsRead().status().name())
        .param("readAttempt", g.stateAsRead().attempt())
        .update();
    if (rows == 0) {
      return false;
    }
    publish(g);
    return true;
  }

  /** Records the running attempt's progress; false when that attempt no longer runs it. */
  boolean progress(GenerationId id, int attempt, int percent) {
    int rows = jdbc.sql("""
            update generations set progress = :percent
             where id = :id and attempt = :attempt and status = 'IN_PROGRESS'""")
        .param("percent", percent)
        .param("id", id.value())
        .param("attempt", attempt)
        .update();
    if (rows > 0) {
      notifier.changed(id);
    }
    return rows > 0;
  }

  /** Removes a deleted generation's row, publishing its {@code GenerationDeleted}. */
  void delete(Generation g) {
    jdbc.sql("delete from generations where id = ? and user_id = ?")
        .param(g.id().value())
        .param(g.owner().value())
        .update();
    publish(g);
  }

  /** Erasure: every row of the owner's, without events (each module erases its own data). */
  void deleteAll(UserId owner) {
    jdbc.sql("delete from generations where user_id = ?").param(owner.value()).update();
  }

  private void publish(Generation g) {
    g.events().forEach(events::publishEvent);
  }

  static Instant now() {
    return GenerationRows.micros(Instant.now());
  }

  private static UUID uuid(UploadId id) {
    return id == null ? null : id.value();
  }
}
