package app.kinora.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.io.Resource;

/**
 * Where Kinora keeps media bytes: the local disk by default, S3-compatible object storage in a
 * cluster ({@code kinora.media.storage}). Both implementations pass the same contract tests.
 */
public interface BlobStore {

  /** Stores the file's bytes under the key, replacing what was there, without loading them whole. */
  void put(BlobKey key, Path source) throws IOException;

  /**
   * The stored bytes as a resource that knows its length and modification time and supports HTTP
   * range requests (skipping ahead does not read the skipped bytes), if present.
   */
  Optional<Resource> open(BlobKey key);

  /** Deletes the object; deleting a missing object is not an error. */
  void delete(BlobKey key) throws IOException;

  /** Calls {@code action} for every stored object whose key starts with {@code prefix}. */
  void list(String prefix, Consumer<StoredBlob> action) throws IOException;

  /** Deletes every object named, for erasure; fails on the first that cannot be deleted. */
  default void deleteAll(Collection<String> keys) {
    for (var key : keys) {
      try {
        delete(new BlobKey(key));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One stored object as a listing sees it. */
  record StoredBlob(BlobKey key, long bytes, Instant lastModified) {}
}
