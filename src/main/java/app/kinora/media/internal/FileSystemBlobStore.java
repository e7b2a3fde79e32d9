package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Keeps objects as files under the storage directory. Writes go to a temporary file first and are
 * moved into place atomically, so a crash never leaves a half-written object under its key.
 */
class FileSystemBlobStore implements BlobStore {

  private static final String PARTIAL_PREFIX = ".upload-";

  private final Path root;

  FileSystemBlobStore(Path root) throws IOException {
    this.root = Files.createDirectories(root.toAbsolutePath().normalize());
  }

  @Override
  public void put(BlobKey key, Path source) throws IOException {
    var target = pathOf(key);
    Files.createDirectories(target.getParent());
    var partial = Files.createTempFile(target.getParent(), PARTIAL_PREFIX, ".part");
    try {
      Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
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

  @Override
  public void list(String prefix, Consumer<StoredBlob> action) throws IOException {
    try (var files = Files.walk(root)) {
      for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        var name = root.relativize(file).toString().replace('\\', '/');
        if (name.startsWith(prefix) && !file.getFileName().toString().startsWith(PARTIAL_PREFIX)) {
          var attributes =
              Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
          action.accept(new StoredBlob(
              new BlobKey(name),
              attributes.size(),
              attributes.lastModifiedTime().toInstant()));
        }
      }
    }
  }

  private Path pathOf(BlobKey key) {
    // BlobKey admits no "..", leading slash or backslash; resolving cannot leave the root.
    return root.resolve(key.value());
  }
}
