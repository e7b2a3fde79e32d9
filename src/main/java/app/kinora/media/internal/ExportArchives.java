package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.privacy.spi.ArchiveStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Data export archives live in the blob store with the media, so every node can serve them. */
@Component
class ExportArchives implements ArchiveStorage {

  private final BlobStore blobs;

  ExportArchives(BlobStore blobs) {
    this.blobs = blobs;
  }

  @Override
  public String store(Path archive) throws IOException {
    var key = StorageKeys.export();
    blobs.put(key, archive);
    return key.value();
  }

  @Override
  public Optional<InputStream> open(String key) throws IOException {
    var resource = blobs.open(new BlobKey(key));
    return resource.isPresent() ? Optional.of(resource.get().getInputStream()) : Optional.empty();
  }

  @Override
  public void delete(String key) throws IOException {
    blobs.delete(new BlobKey(key));
  }
}
