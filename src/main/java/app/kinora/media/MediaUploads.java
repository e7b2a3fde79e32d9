package app.kinora.media;

import app.kinora.shared.UserId;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;
import org.springframework.core.io.Resource;

/**
 * Reference media from users: checked, sanitised and stored. The original is deleted once
 * sanitised unless its owner asks to keep it; it is then delivered to them alone, never to a
 * provider or the renderer.
 */
public interface MediaUploads {

  /**
   * Streams the upload to disk, identifies it by its bytes (never by its name), inspects and
   * re-encodes it in a child process, and stores the sanitised copy.
   *
   * @throws MediaRejected with a reason fit for the user; nothing is left behind
   */
  default Upload accept(UserId owner, MediaKind expected, InputStream content) {
    return accept(owner, expected, content, false);
  }

  /**
   * As {@link #accept(UserId, MediaKind, InputStream)}; with {@code keepOriginal} the file as
   * sent is stored too (metadata and all), counted against the quota and deleted with the upload.
   */
  Upload accept(UserId owner, MediaKind expected, InputStream content, boolean keepOriginal);

  /** The original of the owner's upload, if they asked to keep it. */
  Optional<Original> original(UserId owner, UploadId id);

  /** Those of the owner's uploads whose original is kept. */
  java.util.Set<UploadId> withOriginals(UserId owner, Collection<UploadId> ids);

  /** A kept original: the file as sent, its detected type and usual extension. */
  record Original(Resource file, String contentType, String extension) {}

  /** The owner's upload; another user's id is simply not found. */
  Optional<Upload> find(UserId owner, UploadId id);

  /** The owner's newest uploads first (for an operator's open case). */
  java.util.List<Upload> newest(UserId owner, int limit);

  /**
   * Deletes the owner's uploads (file and row): from the library, or those accepted for a request
   * that was then refused, so a refused request leaves nothing behind. Unknown or foreign ids are
   * ignored.
   */
  void discard(UserId owner, Collection<UploadId> ids);

  /** The owner's sanitised file (PNG, WAV or MP4) for delivery; another user's id is not found. */
  Optional<Resource> open(UserId owner, UploadId id);

  /** Bytes of uploads the owner keeps, counted against {@code kinora.media.user-quota}. */
  long usedBytes(UserId owner);

  /** Copies the sanitised file into {@code directory} for a provider and returns its path. */
  Path copyToLocal(UploadId id, Path directory);
}
