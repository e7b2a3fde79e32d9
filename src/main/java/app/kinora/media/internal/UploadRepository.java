package app.kinora.media.internal;

import app.kinora.media.MediaKind;
import app.kinora.media.Upload;
import app.kinora.media.UploadId;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code media_uploads} table: one row per sanitised upload. */
@Repository
class UploadRepository {

  private final JdbcClient jdbc;

  UploadRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Upload upload, String blobKey) {
    jdbc.sql("""
            insert into media_uploads (id, user_id, kind, blob_key, bytes, width, height, duration_ms, created_at)
            values (:id, :user, :kind, :key, :bytes, :width, :height, :duration, :created)""")
        .param("id", upload.id().value())
        .param("user", upload.owner().value())
        .param("kind", upload.kind().name())
        .param("key", blobKey)
        .param("bytes", upload.bytes())
        .param("width", upload.width())
        .param("height", upload.height())
        .param("duration", upload.duration().toMillis())
        .param("created", Timestamp.from(upload.createdAt()))
        .update();
  }

  Optional<Upload> find(UserId owner, UploadId id) {
    return jdbc.sql("select * from media_uploads where id = ? and user_id = ?")
        .param(id.value()).param(owner.value()).query(UploadRepository::map).optional();
  }

  Optional<String> blobKey(UploadId id) {
    return jdbc.sql("select blob_key from media_uploads where id = ?").param(id.value()).query(String.class).optional();
  }

  Optional<String> blobKey(UserId owner, UploadId id) {
    return jdbc.sql("select blob_key from media_uploads where id = ? and user_id = ?")
        .param(id.value()).param(owner.value()).query(String.class).optional();
  }

  java.util.Set<String> referencedKeys(java.util.Collection<String> keys) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql("select blob_key from media_uploads where blob_key = any(?)")
        .param(keys.toArray(String[]::new)).query(String.class).list());
  }

  long usedBytes(UserId owner) {
    return jdbc.sql("select coalesce(sum(bytes), 0) from media_uploads where user_id = ?")
        .param(owner.value()).query(Long.class).single();
  }

  void delete(UserId owner, UploadId id) {
    jdbc.sql("delete from media_uploads where id = ? and user_id = ?").param(id.value()).param(owner.value()).update();
  }

  List<Upload> all(UserId owner) {
    return jdbc.sql("select * from media_uploads where user_id = ? order by created_at desc")
        .param(owner.value()).query(UploadRepository::map).list();
  }

  List<String> blobKeys(UserId owner) {
    return jdbc.sql("select blob_key from media_uploads where user_id = ?").param(owner.value()).query(String.class).list();
  }

  /** Each upload's stored file, by upload id, for the owner's data export. */
  java.util.Map<java.util.UUID, String> filesOf(UserId owner) {
    var files = new java.util.LinkedHashMap<java.util.UUID, String>();
    jdbc.sql("select id, blob_key from media_uploads where user_id = ? order by created_at")
        .param(owner.value())
        .query((rs, n) -> files.put(rs.getObject(1, java.util.UUID.class), rs.getString(2)))
        .list();
    return files;
  }

  void deleteAll(UserId owner) {
    jdbc.sql("delete from media_uploads where user_id = ?").param(owner.value()).update();
  }

  private static Upload map(ResultSet rs, int row) throws SQLException {
    return new Upload(
        new UploadId(rs.getObject("id", UUID.class)),
        new UserId(rs.getObject("user_id", UUID.class)),
        MediaKind.valueOf(rs.getString("kind")),
        rs.getLong("bytes"),
        rs.getInt("width"),
        rs.getInt("height"),
        Duration.ofMillis(rs.getLong("duration_ms")),
        rs.getTimestamp("created_at").toInstant());
  }
}
