package app.kinora.backup;

import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.generation.Attachment;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the restore drills share: videos made to completion, a new empty database, a node started
 * on it to restore, and the bytes of stored files compared by their SHA-256.
 */
abstract class RestoreTest extends IntegrationTest {

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
  @BeforeEach
  void cancelOtherTestsVideos() {
    jdbc.sql("select id, user_id from generations where status in ('QUEUED', 'IN_PROGRESS')")
        .query((rs, n) -> Map.entry(
            new UserId(rs.getObject("user_id", UUID.class)),
            new GenerationId(rs.getObject("id", UUID.class))))
        .list()
        .forEach(video -> generations.cancel(video.getKey(), video.getValue()));
  }

  GenerationId finished(UserId owner, String prompt) {
    var generation = generations.submit(
        owner, TestSpecs.of(null, prompt, "2", "480x480", 7L), Attachment.Files.NONE);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> generations.find(owner, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    return generation.id();
  }

  String videoKey(UserId owner, GenerationId id) {
    return generations.find(owner, id).orElseThrow().outputIfAny().orElseThrow().videoKey();
  }

  static String statusOf(JdbcClient jdbc, GenerationId id) {
    return jdbc.sql("select status from generations where id = ?")
        .param(id.value())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** The JDBC URL of a new, empty database on the test server. */
  String emptyDatabase() {
    var database = "restored_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql("create database " + database).update();
    var hikari = (HikariDataSource) dataSource;
    return hikari.getJdbcUrl().replaceFirst("/postgres(\\?|$)", "/" + database + "$1");
  }

  /** A node on a new, empty database and data directory, started with these settings. */
  ConfigurableApplicationContext nodeOnEmptyDatabase(Map<String, String> settings) {
    var hikari = (HikariDataSource) dataSource;
    var target = new HikariDataSource();
    target.setJdbcUrl(emptyDatabase());
    target.setUsername(hikari.getUsername());
    target.setPassword(hikari.getPassword());
    return OtherNode.start(target, settings);
  }

  static String sha256(BlobStore store, String key) throws IOException {
    try (InputStream in = store.open(new BlobKey(key)).orElseThrow().getInputStream()) {
      var digest = MessageDigest.getInstance("SHA-256");
      digest.update(in.readAllBytes());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
