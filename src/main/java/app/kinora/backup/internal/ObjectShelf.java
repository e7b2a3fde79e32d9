package app.kinora.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * Where a backup target keeps the blob store's objects, by their SHA-256 ({@code objects/<aa>/<sha256>}),
 * shared by all its backups: a directory, or a bucket.
 */
interface ObjectShelf {

  boolean has(String sha256) throws IOException;

  /** Shelves the file's bytes (whose SHA-256 is given) unless already there; the file may be moved. */
  void add(String sha256, Path file) throws IOException;

  InputStream open(String sha256) throws IOException;

  /** Deletes every object whose SHA-256 is not wanted. */
  void keepOnly(Set<String> wanted) throws IOException;

  static String keyOf(String sha256) {
    return "objects/" + sha256.substring(0, 2) + "/" + sha256;
  }

  /** The shelf of a backup directory: {@code objects/} next to the backups. */
  record InDirectory(Path root) implements ObjectShelf {

    private Path pathOf(String sha256) {
      return root.resolve(keyOf(sha256));
    }

    @Override
    public boolean has(String sha256) {
      return Files.exists(pathOf(sha256));
    }

    @Override
    public void add(String sha256, Path file) throws IOException {
      var target = pathOf(sha256);
      if (!Files.exists(target)) {
        Files.createDirectories(target.getParent());
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
      }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
      return Files.newInputStream(pathOf(sha256));
    }

    @Override
    public void keepOnly(Set<String> wanted) throws IOException {
      var objects = root.resolve("objects");
      if (!Files.isDirectory(objects)) {
        return;
      }
      try (var files = Files.walk(objects)) {
        for (var file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          if (!file.getParent().getFileName().toString().equals(".incoming")
              && !wanted.contains(file.getFileName().toString())) {
            Files.deleteIfExists(file);
          }
        }
      }
    }
  }

  /** The shelf of a backup bucket: {@code objects/} under the backups' prefix. */
  record InBucket(BackupBucket bucket) implements ObjectShelf {

    @Override
    public boolean has(String sha256) throws IOException {
      return bucket.exists(keyOf(sha256));
    }

    @Override
    public void add(String sha256, Path file) throws IOException {
      if (!has(sha256)) {
        bucket.upload(file, keyOf(sha256));
      }
    }

    @Override
    public InputStream open(String sha256) throws IOException {
      return bucket.open(keyOf(sha256));
    }

    @Override
    public void keepOnly(Set<String> wanted) throws IOException {
      var unwanted = bucket.list("objects/").stream()
          .filter(key -> !wanted.contains(key.substring(key.lastIndexOf('/') + 1)))
          .toList();
      bucket.delete(unwanted);
    }
  }
}
