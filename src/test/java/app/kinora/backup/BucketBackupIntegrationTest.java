package app.kinora.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.KinoraApplication;
import app.kinora.TestAccounts;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import app.kinora.media.S3Access;
import app.kinora.shared.UserId;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The restore drill with an S3 bucket (s3proxy, a real S3 server in this process) as the backup
 * target: {@code ./kinora backup} writes into the bucket, its {@code CHECKSUM} last; a node
 * restores from {@code s3://…} into an empty database and store, and what was deleted or erased
 * since stays gone; the retention prunes the bucket; a changed byte, or a backup without its
 * {@code CHECKSUM}, is refused.
 */
// a node of its own: tests before it in the shared application pause and drain its workers
@org.springframework.test.annotation.DirtiesContext(
    classMode = org.springframework.test.annotation.DirtiesContext.ClassMode.BEFORE_CLASS)
class BucketBackupIntegrationTest extends RestoreTest {

  private static final String BUCKET = "kinora-backups";
  private static final String TARGET = "s3://" + BUCKET + "/nightly";

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder().withCredentials("backup", "backup-secret").build();

  @Autowired
  MediaProperties media;

  private S3Client s3;

  @org.junit.jupiter.api.AfterEach
  void closeClient() {
    s3.close();
  }

  @BeforeEach
  void bucket() {
    s3 =
        new S3Access(S3.getUri(), "us-east-1", true, S3.getAccessKey(), S3.getSecretKey()).client();
    s3.createBucket(b -> b.bucket(BUCKET)); // s3proxy starts afresh for each test
  }

  @Test
  void aBackupInABucketRestoresWithoutWhatWasErasedSinceAndIsPrunedByTheRetention()
      throws Exception {
    var kept = TestAccounts.newUser(jdbc, "USER");
    var erased = TestAccounts.newUser(jdbc, "USER");
    var keptVideo = finished(kept, "Snowy peaks at sunrise");
    var deletedVideo = finished(kept, "A lighthouse in the fog");
    var erasedVideo = finished(erased, "Campfire under the stars");
    var keptSha = sha256(store, videoKey(kept, keptVideo));
    var deletedSha = sha256(store, videoKey(kept, deletedVideo));

    var first = backupIntoBucket();
    var name = first.substring(first.lastIndexOf('/') + 1);
    assertThat(keys("nightly/" + name + "/"))
        .contains(
            "nightly/" + name + "/CHECKSUM",
            "nightly/" + name + "/SHA256SUMS",
            "nightly/" + name + "/blobs.tsv",
            "nightly/" + name + "/backup.properties",
            "nightly/" + name + "/database/users.copy.gz");
    assertThat(keys("nightly/objects/"))
        .contains("nightly/objects/" + keptSha.substring(0, 2) + "/" + keptSha);

    var newVideo = finished(kept, "Neon city in the rain"); // after the backup: not in it
    assertThat(generationFiles.delete(kept, deletedVideo)).isTrue();
    closures.erase(erased);

    try (var restored = restoreIntoEmptyDatabase(first)) {
      var restoredJdbc = JdbcClient.create(restored.getBean(DataSource.class));
      var restoredStore = restored.getBean(BlobStore.class);

      assertThat(statusOf(restoredJdbc, keptVideo)).isEqualTo("COMPLETED");
      assertThat(sha256(restoredStore, videoKey(kept, keptVideo))).isEqualTo(keptSha);
      assertThat(usersWithId(restoredJdbc, kept)).isEqualTo(1);

      assertThat(statusOf(restoredJdbc, deletedVideo))
          .as("deleted after the backup")
          .isNull();
      assertThat(restoredStore.open(new BlobKey("videos/" + deletedVideo.value() + ".mp4")))
          .isEmpty();
      assertThat(statusOf(restoredJdbc, erasedVideo)).as("its owner was erased").isNull();
      assertThat(restoredStore.open(new BlobKey("videos/" + erasedVideo.value() + ".mp4")))
          .isEmpty();
      assertThat(usersWithId(restoredJdbc, erased)).as("the erased account").isZero();
      assertThat(statusOf(restoredJdbc, newVideo)).as("made after the backup").isNull();
    }

    var second = backupIntoBucket("--kinora.backup.retention=1s");
    assertThat(second).isNotEqualTo(first);
    assertThat(keys("nightly/" + name + "/")).as("past the retention").isEmpty();
    assertThat(keys("nightly/objects/"))
        .as("the deleted video's object: only the pruned backup held it")
        .doesNotContain("nightly/objects/" + deletedSha.substring(0, 2) + "/" + deletedSha)
        .contains("nightly/objects/" + keptSha.substring(0, 2) + "/" + keptSha);
  }

  @Test
  void aBackupWithAChangedByteOrWithoutItsChecksumIsRefused() throws Exception {
    var backup = backupIntoBucket();
    var name = backup.substring(backup.lastIndexOf('/') + 1);

    var tampered = copyOf(name, "kinora-20200101T000000Z", "database/users.copy.gz");
    // through ./kinora restore s3://…, as an operator would
    assertThatThrownBy(() -> restoreCommand(TARGET + "/" + tampered))
        .hasStackTraceContaining("checksum differs for database/users.copy.gz");

    var unfinished = copyOf(name, "kinora-20200101T000001Z", null);
    s3.deleteObject(b -> b.bucket(BUCKET).key("nightly/" + unfinished + "/CHECKSUM"));
    assertThatThrownBy(() -> restoreCommand(TARGET + "/" + unfinished))
        .hasStackTraceContaining("is not a complete backup: it has no CHECKSUM");
  }

  /** {@code ./kinora backup} on this application's database and files; returns the backup's address. */
  private String backupIntoBucket(String... extra) {
    var hikari = (HikariDataSource) dataSource;
    var args = new ArrayList<>(List.of(
        "backup",
        "--spring.datasource.url=" + hikari.getJdbcUrl(),
        "--spring.datasource.username=" + hikari.getUsername(),
        "--spring.datasource.password="
            + (hikari.getPassword() == null ? "" : hikari.getPassword()),
        "--kinora.data-dir=" + Path.of("target", "test-data", "backup-" + UUID.randomUUID()),
        "--kinora.media.storage-dir=" + media.storageDir().toAbsolutePath(),
        "--kinora.backup.erasure-log=" + properties.erasureLog().toAbsolutePath(),
        "--spring.main.banner-mode=off"));
    bucketSettings().forEach((key, value) -> args.add("--" + key + "=" + value));
    args.addAll(List.of(extra));
    var before = completeBackups();
    assertThat(BackupCommand.run(KinoraApplication.class, args.toArray(String[]::new)))
        .isZero();
    var after = completeBackups();
    after.removeAll(before);
    assertThat(after).hasSize(1);
    return TARGET + "/" + after.getFirst();
  }

  private Map<String, String> bucketSettings() {
    return Map.of(
        "kinora.backup.target", TARGET,
        "kinora.backup.s3.endpoint", S3.getUri().toString(),
        "kinora.backup.s3.path-style", "true",
        "kinora.backup.s3.access-key", S3.getAccessKey(),
        "kinora.backup.s3.secret-key", S3.getSecretKey());
  }

  private List<String> completeBackups() {
    return new ArrayList<>(keys("nightly/kinora-").stream()
        .filter(key -> key.endsWith("/CHECKSUM"))
        .map(key -> key.split("/")[1])
        .toList());
  }

  private List<String> keys(String prefix) {
    return s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(object -> object.key())
        .toList();
  }

  /** Copies a backup's files to another name in the bucket, with one byte of {@code changed} flipped. */
  private String copyOf(String name, String copy, String changed) {
    for (var key : keys("nightly/" + name + "/")) {
      var file = key.substring(("nightly/" + name + "/").length());
      var bytes = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asByteArray();
      if (file.equals(changed)) {
        bytes[bytes.length / 2] ^= 1;
      }
      s3.putObject(
          b -> b.bucket(BUCKET).key("nightly/" + copy + "/" + file), RequestBody.fromBytes(bytes));
    }
    return copy;
  }

  private static long usersWithId(JdbcClient jdbc, UserId id) {
    return jdbc.sql("select count(*) from users where id = ?")
        .param(id.value())
        .query(Long.class)
        .single();
  }

  /** {@code ./kinora restore <location>} into a new, empty database and data directory. */
  private int restoreCommand(String location) {
    var hikari = (HikariDataSource) dataSource;
    var args = new ArrayList<>(List.of(
        "restore",
        location,
        "--spring.datasource.url=" + emptyDatabase(),
        "--spring.datasource.username=" + hikari.getUsername(),
        "--spring.datasource.password="
            + (hikari.getPassword() == null ? "" : hikari.getPassword()),
        "--kinora.data-dir=" + Path.of("target", "test-data", "restore-" + UUID.randomUUID()),
        "--kinora.backup.erasure-log=" + properties.erasureLog().toAbsolutePath(),
        "--spring.main.banner-mode=off"));
    bucketSettings().forEach((key, value) -> args.add("--" + key + "=" + value));
    return BackupCommand.run(KinoraApplication.class, args.toArray(String[]::new));
  }

  /** A node on a new, empty database and data directory, restoring the backup from the bucket. */
  private ConfigurableApplicationContext restoreIntoEmptyDatabase(String location) {
    var settings = new HashMap<>(bucketSettings());
    settings.putAll(Map.of(
        "kinora.node.roles",
        "web",
        "kinora.backup.restore-from",
        location,
        "kinora.backup.erasure-log",
        properties.erasureLog().toString()));
    return nodeOnEmptyDatabase(settings);
  }
}
