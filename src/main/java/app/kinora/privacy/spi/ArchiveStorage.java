package app.kinora.privacy.spi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where finished data exports are kept until they expire: the same storage as media, so that any
 * node can serve the download. Implemented by the module that owns storage.
 */
public interface ArchiveStorage {

  /** Stores the archive; returns its opaque key. */
  String store(Path archive) throws IOException;

  Optional<InputStream> open(String key) throws IOException;

  /** Deletes the archive; a missing one is not an error. */
  void delete(String key) throws IOException;
}
