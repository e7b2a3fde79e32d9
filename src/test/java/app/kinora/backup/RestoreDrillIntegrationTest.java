package app.kinora.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.TestAccounts;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFiles;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.privacy.AccountClosures;
import app.kinora.shared.UserId;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
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
class RestoreDrillIntegrationTest extends IntegrationTest {

  @Autowired
  Backups backups;

  @Autowired
  BackupProperties properties;

  @Autowired
  Generations generations;

  @Autowired
  GenerationFiles generationFiles;

  @Autowired
  AccountClosures closures;

  @Autowired
  BlobStore store;

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  /**
   * Other test classes share this application and leave videos queued or running (some on
   * platform stubs that no longer answer, for up to the job timeout): cancel them, so this test's
   * videos get the workers.
   */
  @org.junit.jupiter.api.BeforeEach
  void cancelOtherTestsVideos() {
    jdbc.sql("select id, user_id from generations where status in ('QUEUED', 'IN_PROGRESS')")
        .query((rs, n) -> java.util.Map.entry(
            new UserId(rs.getObject("user_id", UUID.class)),
            new GenerationId(rs.getObject("id", UUID.class))))
        .list()
        .forEach(video -> generations.cancel(video.getKey(), video.getValue()));
  }

  @Test
  void aRestoredBackupBringsBackWhatItHeldButNothingErasedSince() throws Exception {
    var kept = TestAccounts.newUser(jdbc, "USER");
    var erased = TestAccounts.newUser(jdbc, "USER");
    var keptVideo = finished(kept, "Snowy peaks at sunrise");
    var deletedVideo = finished(kept, "A lighthouse in the fog");
    var erasedVideo = finished(erased, "Campfire under the stars");
    var keptSha = sha256(store, output(kept, keptVideo).videoKey());

    var backup = backups.create();
    assertThat(backups.list()).contains(backup);

    var newVideo = finished(kept, "Neon city in the rain"); // after the backup: not in it
    assertThat(generationFiles.delete(kept, deletedVideo)).isTrue();
    closures.erase(erased);

    try (var restored = restoreIntoEmptyDatabase(backup)) {
      var restoredJdbc = JdbcClient.create(restored.getBean(DataSource.class));
      var restoredStore = restored.getBean(BlobStore.class);

      assertThat(statusOf(restoredJdbc, keptVideo)).isEqualTo("COMPLETED");
      assertThat(sha256(restoredStore, output(kept, keptVideo).videoKey())).isEqualTo(keptSha);
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

  private GenerationId finished(UserId owner, String prompt) {
    var generation = generations.submit(
        owner, TestSpecs.of(null, prompt, "2", "480x480", 7L), Attachment.Files.NONE);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> generations.find(owner, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    return generation.id();
  }

  private Generation.Output output(UserId owner, GenerationId id) {
    return generations.find(owner, id).orElseThrow().outputIfAny().orElseThrow();
  }

  private static String statusOf(JdbcClient jdbc, GenerationId id) {
    return jdbc.sql("select status from generations where id = ?")
        .param(id.value())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** A node on a new, empty database and data directory, told to restore the backup as it starts. */
  private ConfigurableApplicationContext restoreIntoEmptyDatabase(Backup backup) {
    var database = "restored_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql("create database " + database).update();
    var hikari = (HikariDataSource) dataSource;
    var url = hikari.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
    var target = new HikariDataSource();
    target.setJdbcUrl(url);
    target.setUsername(hikari.getUsername());
    target.setPassword(hikari.getPassword());
    return OtherNode.start(
        target,
        Map.of(
            "kinora.node.roles", "web",
            "kinora.backup.restore-from", backup.location(),
            "kinora.backup.directory", properties.directory().toString(),
            "kinora.backup.erasure-log", properties.erasureLog().toString()));
  }

  private static String sha256(BlobStore store, String key) throws IOException {
    try (InputStream in = store.open(new BlobKey(key)).orElseThrow().getInputStream()) {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
