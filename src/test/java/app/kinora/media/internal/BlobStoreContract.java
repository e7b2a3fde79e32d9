package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.BlobStore.StoredBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link BlobStore} must do; each implementation runs these same tests against the
 * real thing (a directory, an S3 server).
 */
abstract class BlobStoreContract {

  /** Larger than the store's multipart threshold in the S3 test, so it goes up in parts. */
  static final int LARGE = 12 * 1024 * 1024 + 123;

  @TempDir
  Path dir;

  abstract BlobStore store();

  @Test
  void storesAndReadsBackTheSameBytesWithLengthAndTime() throws IOException {
    var before = Instant.now().minusSeconds(5);
    var bytes = random(100_000, 1);
    store().put(key("videos/a1.mp4"), file(bytes));

    var resource = store().open(key("videos/a1.mp4")).orElseThrow();
    assertThat(read(resource)).isEqualTo(bytes);
    assertThat(resource.contentLength()).isEqualTo(bytes.length);
    assertThat(Instant.ofEpochMilli(resource.lastModified()))
        .isBetween(before, Instant.now().plusSeconds(5));
  }

  @Test
  void aMissingObjectIsEmptyAndDeletingItIsNoError() throws IOException {
    assertThat(store().open(key("videos/missing.mp4"))).isEmpty();
    store().delete(key("videos/missing.mp4"));
  }

  @Test
  void putReplacesAndDeleteRemoves() throws IOException {
    store().put(key("uploads/b.png"), file(random(1000, 2)));
    store().put(key("uploads/b.png"), file(random(500, 3)));
    assertThat(read(store().open(key("uploads/b.png")).orElseThrow())).isEqualTo(random(500, 3));

    store().delete(key("uploads/b.png"));
    assertThat(store().open(key("uploads/b.png"))).isEmpty();
  }

  @Test
  void storesALargeObjectByteForByte() throws IOException {
    var bytes = random(LARGE, 4);
    store().put(key("videos/large.mp4"), file(bytes));
    var resource = store().open(key("videos/large.mp4")).orElseThrow();
    assertThat(resource.contentLength()).isEqualTo(LARGE);
    assertThat(Arrays.equals(read(resource), bytes)).isTrue();
  }

  @Test
  void readsFromAnyOffsetByteExact() throws IOException {
    var bytes = random(LARGE, 5);
    store().put(key("videos/seek.mp4"), file(bytes));
    var resource = store().open(key("videos/seek.mp4")).orElseThrow();
    for (long offset : new long[] {0, 1, 8191, 5_000_000, LARGE - 10, LARGE - 1}) {
      try (var in = resource.getInputStream()) {
        assertThat(in.skip(offset)).isEqualTo(offset);
        var chunk = in.readNBytes(4096);
        var expected =
            Arrays.copyOfRange(bytes, (int) offset, (int) Math.min(LARGE, offset + 4096));
        assertThat(chunk).as("bytes at %d", offset).isEqualTo(expected);
      }
    }
  }

  @Test
  void listsWhatIsUnderAPrefixAndDeletesInBatches() throws IOException {
    for (var name :
        List.of("sweep/one.jpg", "sweep/two.jpg", "sweep/deep/three.jpg", "other/four.jpg")) {
      store().put(key(name), file(random(10, name.length())));
    }
    assertThat(listed("sweep/"))
        .containsExactlyInAnyOrder("sweep/one.jpg", "sweep/two.jpg", "sweep/deep/three.jpg");

    store().deleteAll(List.of("sweep/one.jpg", "sweep/deep/three.jpg", "sweep/never-was.jpg"));
    assertThat(listed("sweep/")).containsExactly("sweep/two.jpg");
    assertThat(listed("other/")).containsExactly("other/four.jpg");
  }

  @Test
  void listingReportsSizeAndTime() throws IOException {
    store().put(key("sized/x.wav"), file(random(777, 6)));
    var found = new ArrayList<StoredBlob>();
    store().list("sized/", found::add);
    assertThat(found).singleElement().satisfies(blob -> {
      assertThat(blob.bytes()).isEqualTo(777);
      assertThat(Duration.between(blob.lastModified(), Instant.now()).abs())
          .isLessThan(Duration.ofMinutes(1));
    });
  }

  /** {@code VideoOutputs} writes a video and its pictures at the same time. */
  @Test
  void writesToDifferentKeysAtTheSameTimeAllLand() throws IOException {
    var contents = new ArrayList<byte[]>();
    var writes = new ArrayList<Concurrently.Task>();
    for (int i = 0; i < 6; i++) {
      var bytes = random(i == 0 ? LARGE : 50_000 + i, 10 + i);
      var source = file(bytes);
      var target = key("together/" + i + ".bin");
      contents.add(bytes);
      writes.add(() -> store().put(target, source));
    }
    Concurrently.run(writes);
    for (int i = 0; i < contents.size(); i++) {
      assertThat(Arrays.equals(
              read(store().open(key("together/" + i + ".bin")).orElseThrow()), contents.get(i)))
          .as("object %d", i)
          .isTrue();
    }
  }

  @Test
  void keysAreOpaqueAndCannotEscapeOrCarryNames() {
    for (var bad : List.of(
        "../etc/passwd", "/abs", "videos/../x", "Alice Smith.mp4", "me@mail.example/x", "a\\b")) {
      assertThatThrownBy(() -> key(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
    }
  }

  private List<String> listed(String prefix) throws IOException {
    var keys = new ArrayList<String>();
    store().list(prefix, blob -> keys.add(blob.key().value()));
    return keys;
  }

  private Path file(byte[] bytes) throws IOException {
    return Files.write(Files.createTempFile(dir, "blob", ".bin"), bytes);
  }

  private static byte[] read(org.springframework.core.io.Resource resource) throws IOException {
    try (var in = resource.getInputStream()) {
      return in.readAllBytes();
    }
  }

  static byte[] random(int length, long seed) {
    var bytes = new byte[length];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static BlobKey key(String value) {
    return new BlobKey(value);
  }
}
