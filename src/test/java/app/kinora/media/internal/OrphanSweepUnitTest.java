package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.BlobKey;
import app.kinora.media.StoredFileReferences;
import app.kinora.media.StoredFileReferences.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** Which stored files the sweep deletes: those of a kind someone answers for, that nobody refers to. */
class OrphanSweepUnitTest {

  @TempDir
  Path dir;

  private FileSystemBlobStore blobs;
  private final StaticListableBeanFactory beans = new StaticListableBeanFactory();
  private OrphanSweep sweep;

  @BeforeEach
  void setUp() throws IOException {
    blobs = new FileSystemBlobStore(dir.resolve("store"));
    sweep = new OrphanSweep(blobs, beans.getBeanProvider(StoredFileReferences.class));
  }

  @Test
  void leavesAKindAloneThatNoModuleAnswersFor() throws IOException {
    beans.addBean("uploads", references(Kind.UPLOADS, Set.of()));
    var video = put("videos/" + UUID.randomUUID() + ".mp4");
    var upload = put("uploads/" + UUID.randomUUID() + ".png");

    var result = sweep.sweep(Duration.ZERO);

    assertThat(blobs.open(video)).as("nobody answers for videos: kept").isPresent();
    assertThat(blobs.open(upload)).isEmpty();
    assertThat(result).isEqualTo(new OrphanSweep.Result(1, 1, 10));
  }

  @Test
  void keepsWhatAnyModuleAnsweringForTheKindRefersTo() throws IOException {
    var first = put("videos/" + UUID.randomUUID() + ".mp4");
    var second = put("videos/" + UUID.randomUUID() + "-poster.jpg");
    var orphan = put("videos/" + UUID.randomUUID() + "-sprite.jpg");
    var upload = put("uploads/" + UUID.randomUUID() + ".wav");
    beans.addBean("one", references(Kind.VIDEO_OUTPUTS, Set.of(first)));
    beans.addBean("two", references(Kind.VIDEO_OUTPUTS, Set.of(second, upload)));
    beans.addBean("uploads", references(Kind.UPLOADS, Set.of(upload)));

    var result = sweep.sweep(Duration.ZERO);

    assertThat(blobs.open(first)).isPresent();
    assertThat(blobs.open(second)).isPresent();
    assertThat(blobs.open(upload)).isPresent();
    assertThat(blobs.open(orphan)).isEmpty();
    assertThat(result).isEqualTo(new OrphanSweep.Result(4, 1, 10));
  }

  @Test
  void asksInBatchesAndOnlyAboutObjectsOlderThanTheGracePeriod() throws IOException {
    var batches = new ArrayList<Integer>();
    beans.addBean("uploads", new StoredFileReferences() {
      @Override
      public Kind kind() {
        return Kind.UPLOADS;
      }

      @Override
      public Set<BlobKey> referenced(Collection<BlobKey> keys) {
        batches.add(keys.size());
        return Set.of();
      }
    });
    for (int i = 0; i < 1100; i++) {
      age(put("uploads/old-" + i + ".png"), Duration.ofHours(3));
    }
    var young = put("uploads/young.png");

    var result = sweep.sweep(Duration.ofHours(2));

    assertThat(batches).containsExactly(500, 500, 100);
    assertThat(result.examined()).isEqualTo(1101);
    assertThat(result.deleted()).isEqualTo(1100);
    assertThat(blobs.open(young)).isPresent();
  }

  @Test
  void theRetentionRuleKeepsTheStorageOrphansCategoryAndNeverSweepsYoungerThanAnHour()
      throws IOException {
    beans.addBean("uploads", references(Kind.UPLOADS, Set.of()));
    var recent = age(put("uploads/recent.png"), Duration.ofMinutes(30));
    var old = age(put("uploads/old.png"), Duration.ofMinutes(90));
    var rule = new OrphanRetention(sweep);

    long deleted = rule.purge(Instant.now()); // a period of zero

    assertThat(rule.category()).isEqualTo("storage-orphans");
    assertThat(deleted).isOne();
    assertThat(blobs.open(recent)).as("younger than an hour").isPresent();
    assertThat(blobs.open(old)).isEmpty();
  }

  private BlobKey put(String key) throws IOException {
    var blob = new BlobKey(key);
    blobs.put(blob, Files.write(Files.createTempFile(dir, "blob", ".bin"), new byte[10]));
    return blob;
  }

  private BlobKey age(BlobKey key, Duration age) throws IOException {
    Files.setLastModifiedTime(
        dir.resolve("store").resolve(key.value()), FileTime.from(Instant.now().minus(age)));
    return key;
  }

  private static StoredFileReferences references(Kind kind, Set<BlobKey> live) {
    return new StoredFileReferences() {
      @Override
      public Kind kind() {
        return kind;
      }

      @Override
      public Set<BlobKey> referenced(Collection<BlobKey> keys) {
        return keys.stream().filter(live::contains).collect(Collectors.toSet());
      }
    };
  }
}
