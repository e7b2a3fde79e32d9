package app.kinora.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.TestAccounts;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import java.nio.file.Files;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * The restore drill: a backup, then new data, a deleted video and an erased account, then the
 * backup restored into an empty database and blob store by a node started for it. What the backup
 * held is back, byte for byte; the video deleted and the account erased after it stay gone.
 */
// a node of its own: tests before it in the shared application pause and drain its workers
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
class RestoreDrillIntegrationTest extends RestoreTest {

  @Autowired
  Backups backups;

  @Test
  void aRestoredBackupBringsBackWhatItHeldButNothingErasedSince() throws Exception {
    var kept = TestAccounts.newUser(jdbc, "USER");
    var erased = TestAccounts.newUser(jdbc, "USER");
    var keptVideo = finished(kept, "Snowy peaks at sunrise");
    var deletedVideo = finished(kept, "A lighthouse in the fog");
    var erasedVideo = finished(erased, "Campfire under the stars");
    var keptSha = sha256(store, videoKey(kept, keptVideo));

    var backup = backups.create();
    assertThat(backups.list()).contains(backup);

    var newVideo = finished(kept, "Neon city in the rain"); // after the backup: not in it
    assertThat(generationFiles.delete(kept, deletedVideo)).isTrue();
    closures.erase(erased);

    try (var restored = restoreIntoEmptyDatabase(backup)) {
      var restoredJdbc = JdbcClient.create(restored.getBean(DataSource.class));
      var restoredStore = restored.getBean(BlobStore.class);

      assertThat(statusOf(restoredJdbc, keptVideo)).isEqualTo("COMPLETED");
      assertThat(sha256(restoredStore, videoKey(kept, keptVideo))).isEqualTo(keptSha);
      assertThat(restoredJdbc
              .sql("select count(*) from users where id = ?")
              .param(kept.value())
              .query(Long.class)
              .single())
          .isEqualTo(1);

      assertThat(statusOf(restoredJdbc, deletedVideo))
          .as("deleted after the backup")
          .isNull();
      assertThat(restoredStore.open(new BlobKey("videos/" + deletedVideo.value() + ".mp4")))
          .isEmpty();
      assertThat(statusOf(restoredJdbc, erasedVideo)).as("its owner was erased").isNull();
      assertThat(restoredStore.open(new BlobKey("videos/" + erasedVideo.value() + ".mp4")))
          .isEmpty();
      assertThat(restoredJdbc
              .sql("select count(*) from users where id = ?")
              .param(erased.value())
              .query(Long.class)
              .single())
          .as("the erased account")
          .isZero();
      assertThat(statusOf(restoredJdbc, newVideo)).as("made after the backup").isNull();
    }
  }

  @Test
  void aBackupWhoseFilesChangedIsRefused() throws Exception {
    var backup = backups.create();
    var copy = properties.directory().resolve("tampered-" + UUID.randomUUID());
    FileSystemUtils.copyRecursively(java.nio.file.Path.of(backup.location()), copy);
    var table = copy.resolve("database").resolve("users.copy.gz");
    var bytes = Files.readAllBytes(table);
    bytes[bytes.length / 2] ^= 1;
    Files.write(table, bytes);

    assertThatThrownBy(() -> restoreIntoEmptyDatabase(
            new Backup(backup.name(), backup.takenAt(), copy.toString(), backup.checksum())))
        .hasStackTraceContaining("checksum differs for database/users.copy.gz");
  }

  /** A node on a new, empty database and data directory, told to restore the backup as it starts. */
  private ConfigurableApplicationContext restoreIntoEmptyDatabase(Backup backup) {
    return nodeOnEmptyDatabase(Map.of(
        "kinora.node.roles", "web",
        "kinora.backup.restore-from", backup.location(),
        "kinora.backup.directory", properties.directory().toString(),
        "kinora.backup.erasure-log", properties.erasureLog().toString()));
  }
}
