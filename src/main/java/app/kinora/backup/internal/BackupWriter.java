package app.kinora.backup.internal;

import app.kinora.backup.Backup;
import app.kinora.backup.BackupProperties;
import app.kinora.backup.Backups;
import app.kinora.media.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes backups: the database snapshot first, then the blob store (an object deleted in between is
 * in the erasure log, an object added in between is an orphan the storage sweep removes), then the
 * checksums, and only then the directory gets its final name, so an interrupted backup is never
 * taken for a complete one. Then the retention: old backups, objects no backup lists any more, and
 * erasure log entries older than every backup kept.
 */
@Service
class BackupWriter implements Backups {

  private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'kinora-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final BlobStore store;
  private final BackupProperties properties;
  private final Clock clock;

  BackupWriter(DataSource dataSource, BlobStore store, BackupProperties properties, Clock clock) {
    this.dataSource = dataSource;
    this.store = store;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public Backup create() {
    var takenAt = clock.instant();
    var name = NAME.format(takenAt);
    var root = properties.directory();
    var partial = root.resolve("." + name + ".partial");
    try {
      Files.createDirectories(partial);
      var dumped = DatabaseSnapshot.dump(dataSource, partial.resolve(BackupLayout.DATABASE));
      var objects = new ObjectCopy(store, BackupLayout.objects(root));
      var blobs = objects.copyAll(previous().map(BackupLayout::blobs).orElse(null), partial);
      var description = new Properties();
      description.setProperty("name", name);
      description.setProperty("taken-at", takenAt.toString());
      description.setProperty("schema-version", dumped.schemaVersion());
      description.setProperty("tables", String.join(",", dumped.rows().keySet()));
      dumped
          .rows()
          .forEach((table, rows) -> description.setProperty("rows." + table, rows.toString()));
      description.setProperty("objects", Long.toString(blobs.count()));
      description.setProperty("object-bytes", Long.toString(blobs.bytes()));
      description.setProperty("objects-copied", Long.toString(blobs.copied()));
      try (var out = Files.newOutputStream(partial.resolve(BackupLayout.DESCRIPTION))) {
        description.store(out, "Kinora backup");
      }
      var checksum = BackupLayout.writeChecksums(partial);
      var finished = root.resolve(name);
      Files.move(partial, finished, StandardCopyOption.ATOMIC_MOVE);
      log.info(
          "Backup {} taken: {} tables, {} objects ({} new), checksum {}",
          name,
          dumped.rows().size(),
          blobs.count(),
          blobs.copied(),
          checksum);
      applyRetention();
      return new Backup(name, takenAt, finished, checksum);
    } catch (IOException e) {
      throw new UncheckedIOException("The backup could not be written: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("The database could not be copied: " + e.getMessage(), e);
    } finally {
      BackupLayout.deleteQuietly(partial);
    }
  }

  @Override
  public List<Backup> list() {
    try {
      return BackupLayout.complete(properties.directory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private java.util.Optional<Path> previous() {
    var backups = list();
    return backups.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(backups.getLast().directory());
  }

  /** Deletes backups past the retention (never the newest), then what only they needed. */
  void applyRetention() throws IOException {
    var backups = new ArrayList<>(list());
    backups.sort(Comparator.comparing(Backup::takenAt));
    var cutoff = clock.instant().minus(properties.retention());
    for (int i = 0; i < backups.size() - 1; i++) {
      if (backups.get(i).takenAt().isBefore(cutoff)) {
        BackupLayout.deleteQuietly(backups.get(i).directory());
        log.info("Backup {} deleted: older than {}", backups.get(i).name(), properties.retention());
      }
    }
    var kept = list();
    ObjectCopy.removeUnlisted(
        BackupLayout.objects(properties.directory()),
        kept.stream().map(backup -> BackupLayout.blobs(backup.directory())).toList());
    if (!kept.isEmpty()) {
      // an erasure committed just after the oldest snapshot began may not be in it: keep a margin
      Instant oldest = kept.getFirst().takenAt().minus(java.time.Duration.ofHours(1));
      int pruned = new ErasureLog(properties.erasureLog()).prune(oldest);
      if (pruned > 0) {
        log.info("Erasure log: {} entries older than every backup kept were pruned", pruned);
      }
    }
  }
}
