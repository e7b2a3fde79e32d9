package app.kinora.backup.internal;

import app.kinora.backup.Backup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Backups in a directory ({@code kinora.backup.directory}): each is written as a hidden {@code
 * .kinora-….partial} and gets its final name by an atomic rename once complete.
 */
final class DirectoryTarget implements BackupTarget {

  private final Path root;

  DirectoryTarget(Path root) {
    this.root = root;
  }

  @Override
  public ObjectShelf shelf() {
    return new ObjectShelf.InDirectory(root);
  }

  @Override
  public Path staging(String name) throws IOException {
    return Files.createDirectories(root.resolve("." + name + ".partial"));
  }

  @Override
  public Path incoming() throws IOException {
    return Files.createDirectories(root.resolve("objects").resolve(".incoming"));
  }

  @Override
  public Path blobsOf(Backup backup) {
    return BackupLayout.blobs(Path.of(backup.location()));
  }

  @Override
  public String publish(Path staged, String name) throws IOException {
    var finished = root.resolve(name);
    Files.move(staged, finished, StandardCopyOption.ATOMIC_MOVE);
    return finished.toString();
  }

  @Override
  public List<Backup> complete() throws IOException {
    return BackupLayout.complete(root);
  }

  @Override
  public void delete(Backup backup) throws IOException {
    var directory = Path.of(backup.location());
    Files.deleteIfExists(directory.resolve(BackupLayout.CHECKSUM));
    BackupLayout.deleteQuietly(directory);
  }

  @Override
  public void cleanUp(Path staged) {
    BackupLayout.deleteQuietly(staged);
  }

  @Override
  public void close() {}
}
