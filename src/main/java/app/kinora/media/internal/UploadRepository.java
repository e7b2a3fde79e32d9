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

  /** The stored file as sent, when its owner keeps it. */
  record KeptOriginal(String key, String contentType, long bytes) {}

  void insert(Upload upload, String blobKey, KeptOriginal original) {
    jdbc.sql("""
            insert into media_uploads (id, user_id, kind, blob_key, bytes, width, height, duration_ms, created_at,
                                       original_key, original_type, original_bytes)
            values (:id, :user, :kind, :key, :bytes, :width, :height, :duration, :created,
                    :originalKey, :originalType, :originalBytes)""")
        .param("originalKey", original == null ? null : original.key())
        .param("originalType", original == null ? null : original.contentType())
        .param("originalBytes", original == null ? 0 : original.bytes())
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
        .param(id.value())
        .param(owner.value())
        .query(UploadRepository::map)
        .optional();
  }

  List<Upload> newest(UserId owner, int limit) {
    return jdbc.sql(
            "select * from media_uploads where user_id = ? order by created_at desc limit ?")
        .param(owner.value())
        .param(limit)
        .query(UploadRepository::map)
        .list();
  }

  Optional<String> blobKey(UploadId id) {
    return jdbc.sql("select blob_key from media_uploads where id = ?")
        .param(id.value())
        .query(String.class)
        .optional();
  }

  Optional<String> blobKey(UserId owner, UploadId id) {
    return jdbc.sql("select blob_key from media_uploads where id = ? and user_id = ?")
        .param(id.value())
        .param(owner.value())
        .query(String.class)
        .optional();
  }

  Optional<KeptOriginal> original(UserId owner, UploadId id) {
    return jdbc.sql("""
            select original_key, original_type, original_bytes from media_uploads
             where id = ? and user_id = ? and original_key is not null""")
        .param(id.value())
        .param(owner.value())
        .query((rs, n) -> new KeptOriginal(rs.getString(1), rs.getString(2), rs.getLong(3)))
        .optional();
  }

  java.util.Set<UUID> withOriginals(UserId owner, java.util.Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(jdbc.sql(
            "select id from media_uploads where user_id = ? and id = any(?) and original_key is not null")
        .param(owner.value())
        .param(ids.toArray(UUID[]::new))
        .query(UUID.class)
        .list());
  }

  /** Every stored file of the owner's upload: the sanitised copy, and the original if kept. */
  List<String> keysOf(UserId owner, UploadId id) {
    return jdbc.sql("""
            select key from media_uploads, unnest(array[blob_key, original_key]) as key
             where id = ? and user_id = ? and key is not null""")
        .param(id.value())
        .param(owner.value())
        .query(String.class)
        .list();
  }

  java.util.Set<String> referencedKeys(java.util.Collection<String> keys) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    return new java.util.HashSet<>(
        jdbc.sql("""
            select key from media_uploads, unnest(array[blob_key, original_key]) as key where key = any(?)""").param(keys.toArray(String[]::new)).query(String.class).list());
  }

  long usedBytes(UserId owner) {
    return jdbc.sql(
            "select coalesce(sum(bytes + original_bytes), 0) from media_uploads where user_id = ?")
        .param(owner.value())
        .query(Long.class)
        .single();
  }

  void delete(UserId owner, UploadId id) {
    jdbc.sql("delete from media_uploads where id = ? and user_id = ?")
        .param(id.value())
        .param(owner.value())
        .update();
  }

  List<Upload> all(UserId owner) {
    return jdbc.sql("select * from media_uploads where user_id = ? order by created_at desc")
        .param(owner.value())
        .query(UploadRepository::map)
        .list();
  }

  /** Every stored file of the owner's uploads, originals included. */
  List<String> blobKeys(UserId owner) {
    return jdbc.sql("""
            select key from media_uploads, unnest(array[blob_key, original_key]) as key
             where user_id = ? and key is not null""").param(owner.value()).query(String.class).list();
  }

  /** Each kept original, by upload id, for the owner's data export. */
  java.util.Map<UUID, KeptOriginal> originalsOf(UserId owner) {
    var files = new java.util.LinkedHashMap<UUID, KeptOriginal>();
    jdbc.sql("""
            select id, original_key, original_type, original_bytes from media_uploads
             where user_id = ? and original_key is not null order by created_at""")
        .param(owner.value())
        .query((rs, n) -> files.put(
            rs.getObject(1, UUID.class),
            new KeptOriginal(rs.getString(2), rs.getString(3), rs.getLong(4))))
        .list();
    return files;
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
