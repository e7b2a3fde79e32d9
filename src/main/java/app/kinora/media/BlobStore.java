package app.kinora.media;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** Where Kinora keeps media bytes: the local disk by default, object storage in a cluster. */
public interface BlobStore {

  /** Stores the file's bytes under the key, replacing what was there, without loading them whole. */
  void put(BlobKey key, Path source) throws IOException;

  /** The stored bytes as a resource that supports HTTP range requests, if present. */
  Optional<Resource> open(BlobKey key);

  /** Deletes the object; deleting a missing object is not an error. */
  void delete(BlobKey key) throws IOException;

  /** Deletes every object named, for erasure; fails on the first that cannot be deleted. */
  default void deleteAll(java.util.Collection<String> keys) {
    for (var key : keys) {
      try {
        delete(new BlobKey(key));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }
}
