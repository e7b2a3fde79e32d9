package app.kinora.backup.internal;

import app.kinora.backup.Backup;
import app.kinora.backup.BackupProperties;
import app.kinora.backup.Backups;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Takes backups: the database snapshot first, then the blob store (an object deleted in between is
 * in the erasure log, an object added in between is an orphan the storage sweep removes), then the
 * checksums, and only then is the backup published on its target (a directory or a bucket), its
 * checksum last, so an interrupted backup is never taken for a complete one. Then the retention:
 * old backups, objects no backup lists any more, and erasure log entries older than every backup
 * kept.
 */
@Service
class BackupWriter implements Backups {

  private static final Logger log = LoggerFactory.getLogger(BackupWriter.class);
  private static final DateTimeFormatter NAME =
      DateTimeFormatter.ofPattern("'kinora-'yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final DataSource dataSource;
  private final BlobStore store;
  private final BackupProperties properties;
  private final Path work;
  private final Clock clock;

  BackupWriter(
      DataSource dataSource,
      BlobStore store,
      BackupProperties properties,
      MediaProperties media,
      Clock clock) {
    this.dataSource = dataSource;
    this.store = store;
    this.properties = properties;
    this.work = media.workDir().resolve("backup");
    this.clock = clock;
  }

  /** When the backup of this name was started (to the second). */
  static Instant takenAt(String name) {
    return NAME.parse(name, Instant::from);
  }

  /** The configured target: a bucket when {@code kinora.backup.target} names one, else the directory. */
  BackupTarget openTarget() {
    return BackupBucket.isBucket(properties.target())
        ? new BucketTarget(BackupBucket.connect(properties.target(), properties.s3()), work)
        : new DirectoryTarget(properties.directory());
  }

  @Override
  public Backup create() {
    try (var lock = BackupLock.take(dataSource)) {
      return createAlone();
    } catch (SQLException e) {
      throw new IllegalStateException("The database could not be reached: " + e.getMessage(), e);
    }
  }

  private Backup createAlone() {
    var takenAt = clock.instant();
    var name = NAME.format(takenAt);
    try (var target = openTarget()) {
      Path staged = null;
      try {
        var previous = target.complete();
        staged = target.staging(name);
        var dumped = DatabaseSnapshot.dump(dataSource, staged.resolve(BackupLayout.DATABASE));
        var objects = new ObjectCopy(store, target.shelf(), target.incoming());
        var blobs = previous.isEmpty()
            ? objects.copyAll(null, Instant.EPOCH, staged)
            : objects.copyAll(
                target.blobsOf(previous.getLast()), previous.getLast().takenAt(), staged);
        describe(staged, name, takenAt, dumped, blobs);
        var checksum = BackupLayout.writeChecksums(staged);
        var location = target.publish(staged, name);
        log.info(
            "Backup {} taken: {} tables, {} objects ({} new), checksum {}",
            location,
            dumped.rows().size(),
            blobs.count(),
            blobs.copied(),
            checksum);
        applyRetention(target);
        return new Backup(name, takenAt, location, checksum);
      } catch (IOException e) {
        throw new UncheckedIOException("The backup could not be written: " + e.getMessage(), e);
      } catch (SQLException e) {
        throw new IllegalStateException("The database could not be copied: " + e.getMessage(), e);
      } finally {
        if (staged != null) {
          target.cleanUp(staged);
        }
      }
    }
  }

  private static void describe(
      Path staged,
      String name,
      Instant takenAt,
      DatabaseSnapshot.Dumped dumped,
      ObjectCopy.Copied blobs)
      throws IOException {
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
    try (var out = Files.newOutputStream(staged.resolve(BackupLayout.DESCRIPTION))) {
      description.store(out, "Kinora backup");
    }
  }

  @Override
  public List<Backup> list() {
    try (var target = openTarget()) {
      return target.complete();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes backups past the retention (never the newest), then what only they needed. */
  void applyRetention(BackupTarget target) throws IOException {
    var backups = target.complete();
    var cutoff = clock.instant().minus(properties.retention());
    for (int i = 0; i < backups.size() - 1; i++) {
      if (backups.get(i).takenAt().isBefore(cutoff)) {
        target.delete(backups.get(i));
        log.info("Backup {} deleted: older than {}", backups.get(i).name(), properties.retention());
      }
    }
    if (target instanceof BucketTarget bucket) {
      int incomplete =
          bucket.deleteIncompleteBefore(clock.instant().minus(BucketTarget.INCOMPLETE_KEPT));
      if (incomplete > 0) {
        log.info("{} incomplete backup(s) older than a day deleted from the bucket", incomplete);
      }
    }
    var kept = target.complete();
    var lists = new ArrayList<Path>();
    for (var backup : kept) {
      lists.add(target.blobsOf(backup));
    }
    target.shelf().keepOnly(ObjectCopy.listedIn(lists));
    if (!kept.isEmpty()) {
      // an erasure committed just after the oldest snapshot began may not be in it: keep a margin
      Instant oldest = kept.getFirst().takenAt().minus(Duration.ofHours(1));
      int pruned = new ErasureLog(properties.erasureLog()).prune(oldest);
      if (pruned > 0) {
        log.info("Erasure log: {} entries older than every backup kept were pruned", pruned);
      }
    }
  }
}
