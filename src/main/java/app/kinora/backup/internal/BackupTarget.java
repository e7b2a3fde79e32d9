package app.kinora.backup.internal;

import app.kinora.backup.Backup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where backups go ({@code kinora.backup.target}): a directory, or an S3 bucket. A backup is
 * written on a local disk first, then published; it counts only once its {@code CHECKSUM} is
 * there, which is published last.
 */
interface BackupTarget extends AutoCloseable {

  /** Where the target keeps the blob store's objects. */
  ObjectShelf shelf();

  /** A new, empty local directory to write the backup {@code name} into. */
  Path staging(String name) throws IOException;

  /** A local directory for objects on their way to the shelf. */
  Path incoming() throws IOException;

  /** The backup's {@code blobs.tsv}, readable on the local disk. */
  Path blobsOf(Backup backup) throws IOException;

  /** Makes the staged backup complete, its {@code CHECKSUM} last; returns its location. */
  String publish(Path staged, String name) throws IOException;

  /** The complete backups, oldest first. */
  List<Backup> complete() throws IOException;

  /** Deletes a backup, its {@code CHECKSUM} first (so that it is never half there and complete). */
  void delete(Backup backup) throws IOException;

  /** Removes what a backup left behind on the local disk. */
  void cleanUp(Path staged);

  @Override
  void close();
}
