package app.kinora.backup.internal;

import app.kinora.backup.BackupProperties;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * Migrates the database as the node starts; with {@code kinora.backup.restore-from}, restores that
 * backup first (from its directory, or downloaded from its bucket), into an empty database and blob store only: checksums checked, the schema migrated
 * to the backup's version, the tables loaded, the objects put back (each checked against its
 * checksum), then the schema migrated to this version. The erasure log is replayed once the node
 * is ready ({@link ErasureReplay}).
 */
@Component
class RestoreOnStart implements FlywayMigrationStrategy {

  private static final Logger log = LoggerFactory.getLogger(RestoreOnStart.class);

  private final BackupProperties properties;
  private final BlobStore store;
  private final Path scratch;

  RestoreOnStart(BackupProperties properties, BlobStore store, MediaProperties media) {
    this.properties = properties;
    this.store = store;
    this.scratch = media.workDir();
  }

  @Override
  public void migrate(Flyway flyway) {
    if (properties.restoreFrom() == null) {
      flyway.migrate();
      return;
    }
    var from = properties.restoreFrom();
    try {
      if (BackupBucket.isBucket(from)) {
        var slash = from.lastIndexOf('/');
        var name = from.substring(slash + 1);
        try (var target = new BucketTarget(
            BackupBucket.connect(from.substring(0, slash), properties.s3()),
            scratch.resolve("restore"))) {
          var fetched = target.fetch(name);
          try {
            restore(flyway, fetched, target.shelf());
          } finally {
            BackupLayout.deleteQuietly(fetched);
          }
        }
      } else {
        var backup = Path.of(from).toAbsolutePath().normalize();
        restore(flyway, backup, new ObjectShelf.InDirectory(backup.getParent()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The backup could not be read: " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new IllegalStateException("The database could not be restored: " + e.getMessage(), e);
    }
  }

  private void restore(Flyway flyway, Path backup, ObjectShelf shelf)
      throws IOException, SQLException {
    var checksum = BackupLayout.verify(backup);
    var description = BackupLayout.describe(backup);
    var dataSource = flyway.getConfiguration().getDataSource();
    if (!DatabaseSnapshot.isEmpty(dataSource)) {
      throw new IllegalStateException(
          "A backup is restored only into an empty database, and this one holds Kinora's tables.");
    }
    if (!storeIsEmpty()) {
      throw new IllegalStateException(
          "A backup is restored only into an empty blob store, and this one holds videos or uploads.");
    }
    var version = description.getProperty("schema-version");
    Flyway.configure()
        .configuration(flyway.getConfiguration())
        .target(version)
        .load()
        .migrate();
    var tables = List.of(description.getProperty("tables").split(","));
    DatabaseSnapshot.load(dataSource, backup.resolve(BackupLayout.DATABASE), tables);
    int objects = new ObjectCopy(store, shelf, scratch.resolve("restore"))
        .restore(backup, scratch.resolve("restore"));
    flyway.migrate();
    log.info(
        "Restored backup {} (checksum {}): {} tables at schema version {}, {} objects",
        backup.getFileName(),
        checksum,
        tables.size(),
        version,
        objects);
  }

  private boolean storeIsEmpty() throws IOException {
    var found = new AtomicBoolean();
    for (var prefix : ObjectCopy.PREFIXES) {
      store.list(prefix, blob -> found.set(true));
    }
    return !found.get();
  }
}
