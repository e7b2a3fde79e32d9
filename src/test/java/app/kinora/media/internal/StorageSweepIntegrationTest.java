package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.generation.GenerationId;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaUploads;
import app.kinora.media.StoredFileReferences;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The storage sweep in the running application: it deletes what no row refers to and keeps what
 * any module answering for the kind still refers to — media's own uploads, and a second module
 * registered here as a bean, standing in for the one that keeps the videos (it answers from the
 * {@code generations} rows, as that module does, and for keys this test pins).
 */
class StorageSweepIntegrationTest extends IntegrationTest {

  private static final String SECOND_MODULE = "storageSweepIntegrationTest.videoReferences";

  @Autowired
  ConfigurableApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  BlobStore blobs;

  @Autowired
  MediaUploads uploads;

  @Autowired
  OrphanSweep sweep;

  @TempDir
  Path dir;

  private final VideoReferences videoReferences = new VideoReferences();

  @BeforeEach
  void registerTheSecondModule() {
    context.getBeanFactory().registerSingleton(SECOND_MODULE, videoReferences);
  }

  @AfterEach
  void unregisterIt() {
    ((DefaultListableBeanFactory) context.getBeanFactory()).destroySingleton(SECOND_MODULE);
  }

  @Test
  void theSweepDeletesOrphanedObjectsAndKeepsEverythingStillReferred() throws Exception {
    var video = generate(Map.of("prompt", "Kept by the sweep", "seconds", "2", "size", "480x480"));
    var upload = uploads.accept(
        UserId.random(), MediaKind.IMAGE, new ByteArrayInputStream(TestMedia.png(64, 48)));
    var uploadKey = jdbc.sql("select blob_key from media_uploads where id = ?")
        .param(upload.id().value())
        .query(String.class)
        .single();
    var orphanVideo = new BlobKey("videos/" + UUID.randomUUID() + ".mp4");
    var orphanUpload = new BlobKey("uploads/" + UUID.randomUUID() + ".png");
    var pinned = new BlobKey("videos/" + UUID.randomUUID() + "-poster.jpg");
    var scratch = Files.write(dir.resolve("orphan"), new byte[1234]);
    for (var key : List.of(orphanVideo, orphanUpload, pinned)) {
      blobs.put(key, scratch);
    }
    videoReferences.pinned.add(pinned);

    assertThat(sweep.sweep(Duration.ofHours(1)).deleted())
        .as("young objects are left alone")
        .isZero();
    var result = sweep.sweep(Duration.ZERO);

    assertThat(blobs.open(orphanVideo)).isEmpty();
    assertThat(blobs.open(orphanUpload)).isEmpty();
    assertThat(result.deleted()).isGreaterThanOrEqualTo(2);
    assertThat(result.bytesFreed()).isGreaterThanOrEqualTo(2 * 1234);
    assertThat(keysOf(video))
        .hasSize(3)
        .allSatisfy(key -> assertThat(blobs.open(new BlobKey(key))).as(key).isPresent());
    assertThat(blobs.open(new BlobKey(uploadKey))).as("an upload's file").isPresent();
    assertThat(blobs.open(pinned)).as("a file only the second module refers to").isPresent();
    assertThat(videoReferences.asked)
        .as("the second module is asked about videos only")
        .contains(orphanVideo, pinned)
        .allSatisfy(key -> assertThat(key.value()).startsWith("videos/"));
  }

  private UUID generate(Map<String, String> fields) {
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);
    var reply = api.postMultipart("/v1/videos", fields);
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    var id = reply.json().path("id").asString();
    await()
        .atMost(Duration.ofSeconds(120))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api.get("/v1/videos/" + id).json().path("status").asString(),
            "completed"::equals);
    return GenerationId.fromApiId(id).value();
  }

  private List<String> keysOf(UUID video) {
    return jdbc.sql(
            "select unnest(array[output_key, poster_key, sprite_key]) from generations where id = ?")
        .param(video)
        .query(String.class)
        .list();
  }

  /** The videos' keys in the {@code generations} rows, and keys pinned by the test. */
  private final class VideoReferences implements StoredFileReferences {

    final Set<BlobKey> pinned = new HashSet<>();
    final Set<BlobKey> asked = new HashSet<>();

    @Override
    public Kind kind() {
      return Kind.VIDEO_OUTPUTS;
    }

    @Override
    public Set<BlobKey> referenced(Collection<BlobKey> keys) {
      asked.addAll(keys);
      var live = jdbc
          .sql("""
              select key from generations, unnest(array[output_key, poster_key, sprite_key]) as key
               where key = any(?)""")
          .param(keys.stream().map(BlobKey::value).toArray(String[]::new))
          .query(String.class)
          .list()
          .stream()
          .map(BlobKey::new)
          .collect(Collectors.toSet());
      keys.stream().filter(pinned::contains).forEach(live::add);
      return live;
    }
  }
}
