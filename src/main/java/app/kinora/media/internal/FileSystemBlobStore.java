package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Keeps objects as files under the storage directory. Writes go to a temporary file first and are
 * moved into place atomically, so a crash never leaves a half-written object under its key.
 */
@Component
class FileSystemBlobStore implements BlobStore {

  private final Path root;

  FileSystemBlobStore(MediaProperties properties) throws IOException {
    this.root = Files.createDirectories(properties.storageDir().toAbsolutePath().normalize());
  }

  @Override
  public void put(BlobKey key, Path source) throws IOException {
    var target = pathOf(key);
    Files.createDirectories(target.getParent());
    var partial = Files.createTempFile(target.getParent(), ".upload-", ".part");
    try {
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public Optional<Resource> open(BlobKey key) {
    var path = pathOf(key);
    return Files.isRegularFile(path) ? Optional.of(new FileSystemResource(path)) : Optional.empty();
  }

  @Override
  public void delete(BlobKey key) throws IOException {
    Files.deleteIfExists(pathOf(key));
  }

  private Path pathOf(BlobKey key) {
    // BlobKey admits no "..", leading slash or backslash; resolving cannot leave the root.
    return root.resolve(key.value());
  }
}
