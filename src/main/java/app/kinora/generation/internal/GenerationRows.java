package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.GenerationState;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Lineage;
import app.kinora.media.SpriteSheet;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads a {@code generations} row into a {@link Generation}. */
final class GenerationRows {

  private GenerationRows() {}

  static Generation map(ResultSet rs, int row) throws SQLException {
    return new Generation(
        new GenerationId(rs.getObject("id", UUID.class)),
        new UserId(rs.getObject("user_id", UUID.class)),
        spec(rs),
        rs.getTimestamp("created_at").toInstant(),
        lineage(rs),
        state(rs));
  }

  private static Lineage lineage(ResultSet rs) throws SQLException {
    var source = rs.getObject("source_id", UUID.class);
    return source == null
        ? null
        : new Lineage(
            Lineage.Kind.valueOf(rs.getString("source_kind")),
            new GenerationId(source),
            rs.getInt("source_seconds"));
  }

  private static VideoSpec<GenerationReferences> spec(ResultSet rs) throws SQLException {
    return VideoSpec.<GenerationReferences>builder()
        .model(rs.getString("model"))
        .prompt(rs.getString("prompt"))
        .negativePrompt(rs.getString("negative_prompt"))
        .duration(Duration.ofSeconds(rs.getInt("seconds")))
        .size(new VideoSize(rs.getInt("width"), rs.getInt("height")))
        .framesPerSecond(rs.getInt("fps"))
        .seed(rs.getLong("seed"))
        .generateAudio(rs.getBoolean("generate_audio"))
        .caption(rs.getBoolean("caption"))
        .promptInCredentials(rs.getBoolean("prompt_in_credentials"))
        .references(new GenerationReferences(
            upload(rs, "first_frame_upload"),
            upload(rs, "last_frame_upload"),
            upload(rs, "audio_upload"),
            upload(rs, "video_upload"),
            uploads(rs, "reference_images")))
        .build();
  }

  private static GenerationState state(ResultSet rs) throws SQLException {
    var code = rs.getString("error_code");
    var completed = rs.getTimestamp("completed_at");
    return new GenerationState(
        GenerationStatus.valueOf(rs.getString("status")),
        rs.getInt("attempt"),
        rs.getInt("progress"),
        code == null ? null : new GenerationFailure(code, rs.getString("error_message")),
        output(rs),
        completed == null ? null : completed.toInstant());
  }

  private static Generation.Output output(ResultSet rs) throws SQLException {
    if (rs.getString("output_key") == null) {
      return null;
    }
    return new Generation.Output(
        rs.getString("output_key"),
        rs.getLong("output_bytes"),
        rs.getString("poster_key"),
        rs.getString("sprite_key"),
        new SpriteSheet(
            rs.getInt("sprite_columns"),
            rs.getInt("sprite_rows"),
            rs.getInt("sprite_tile_width"),
            rs.getInt("sprite_tile_height"),
            Duration.ofMillis(rs.getLong("sprite_interval_ms"))));
  }

  private static List<UploadId> uploads(ResultSet rs, String column) throws SQLException {
    var array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray())
        .map(id -> new UploadId((UUID) id))
        .toList();
  }

  private static UploadId upload(ResultSet rs, String column) throws SQLException {
    var id = rs.getObject(column, UUID.class);
    return id == null ? null : new UploadId(id);
  }

  static Instant micros(Instant instant) {
    return instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }
}
