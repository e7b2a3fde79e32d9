package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import app.kinora.media.SpriteSheet;
import app.kinora.media.TestMedia;
import app.kinora.media.VideoDerivatives;
import app.kinora.media.VideoPictures;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/** One call stores a finished video with its poster and sprite sheet, all at once or not at all. */
class VideoOutputStoreUnitTest {

  private static final SpriteSheet LAYOUT = new SpriteSheet(5, 4, 192, 144, Duration.ofMillis(100));

  @TempDir
  Path dir;

  private FileSystemBlobStore blobs;
  private final UUID id = UUID.randomUUID();

  @BeforeEach
  void store() throws IOException {
    blobs = new FileSystemBlobStore(dir.resolve("store"));
  }

  @Test
  void storesTheVideoItsPosterAndItsSpriteSheetUnderTheKeysItAlwaysHad() throws IOException {
    var mp4 = dir.resolve("render.mp4");
    TestMedia.video(mp4, "mp4", 320, 240, 2);

    var stored = new VideoOutputStore(blobs, new FfmpegDerivatives(properties(dir)))
        .store(id, mp4, Duration.ofSeconds(2), new VideoSize(320, 240));

    assertThat(stored.keys())
        .extracting(BlobKey::value)
        .containsExactly(
            "videos/" + id + ".mp4",
            "videos/" + id + "-poster.jpg",
            "videos/" + id + "-sprite.jpg");
    assertThat(stored.videoBytes()).isEqualTo(Files.size(mp4));
    assertThat(read(stored.video())).isEqualTo(Files.readAllBytes(mp4));
    assertThat(read(stored.poster())).startsWith(0xFF, 0xD8); // JPEG
    assertThat(read(stored.spriteSheet())).startsWith(0xFF, 0xD8);
    assertThat(stored.layout()).isEqualTo(new SpriteSheet(5, 4, 192, 144, Duration.ofMillis(100)));
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("the pictures' work files are gone")
          .containsExactlyInAnyOrder("render.mp4", "store");
    }
  }

  @Test
  void picturesTheRendererMadeAreStoredAsTheyAreWithoutFfmpeg() throws IOException {
    var mp4 = Files.write(dir.resolve("render.mp4"), new byte[] {1, 2, 3});
    var poster = Files.write(dir.resolve("poster.jpg"), new byte[] {4, 5});
    var sprite = Files.write(dir.resolve("sprite.jpg"), new byte[] {6});

    var stored = new VideoOutputStore(blobs, noFfmpeg())
        .store(id, mp4, new VideoPictures(poster, sprite, LAYOUT));

    assertThat(read(stored.video())).containsExactly(1, 2, 3);
    assertThat(read(stored.poster())).containsExactly(4, 5);
    assertThat(read(stored.spriteSheet())).containsExactly(6);
    assertThat(stored.videoBytes()).isEqualTo(3);
    assertThat(stored.layout()).isEqualTo(LAYOUT);
    assertThat(poster).as("the caller's files stay theirs").exists();
    assertThat(sprite).exists();
  }

  @Test
  void writesTheThreeFilesAtTheSameTime() throws IOException {
    var together = new CyclicBarrier(3);
    var store = new VideoOutputStore(
        new Watched(blobs, key -> {
          try {
            together.await(
                10, TimeUnit.SECONDS); // one at a time, the first write would wait here in vain
          } catch (Exception e) {
            throw new IllegalStateException("the writes did not overlap", e);
          }
        }),
        noFfmpeg());

    var stored = store.store(id, pictures().mp4(), pictures().given());

    assertThat(stored.keys())
        .allSatisfy(key -> assertThat(blobs.open(key)).as(key.value()).isPresent());
  }

  @Test
  void aFailedStoreLeavesNoneOfItsFilesBehind() {
    var othersWritten = new CountDownLatch(2);
    var store = new VideoOutputStore(
        new Watched(blobs, key -> {
          if (key.value().endsWith("-sprite.jpg")) {
            await(othersWritten); // fail only once the video and the poster are stored
            throw new java.io.UncheckedIOException(new IOException("bucket unreachable"));
          }
        }) {
          @Override
          public void put(BlobKey key, Path source) throws IOException {
            super.put(key, source);
            othersWritten.countDown();
          }
        },
        noFfmpeg());

    assertThatThrownBy(() -> store.store(id, pictures().mp4(), pictures().given()))
        .hasMessageContaining("bucket unreachable");

    assertThat(othersWritten.getCount()).as("the other two had been written").isZero();
    for (var key : List.of(
        "videos/" + id + ".mp4", "videos/" + id + "-poster.jpg", "videos/" + id + "-sprite.jpg")) {
      assertThat(blobs.open(new BlobKey(key))).as(key).isEmpty();
    }
  }

  @Test
  void deletesAVideosFilesAndRefusesAnyOtherKey() throws IOException {
    var store = new VideoOutputStore(blobs, noFfmpeg());
    var stored = store.store(id, pictures().mp4(), pictures().given());
    var upload = new BlobKey("uploads/" + UUID.randomUUID() + ".png");
    blobs.put(upload, pictures().mp4());

    assertThatThrownBy(() -> store.delete(List.of(stored.video(), upload)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(blobs.open(stored.video()))
        .as("nothing is deleted when one key is foreign")
        .isPresent();

    store.delete(stored);
    assertThat(stored.keys()).allSatisfy(key -> assertThat(blobs.open(key)).isEmpty());
    assertThat(blobs.open(upload)).isPresent();
  }

  private record Render(Path mp4, VideoPictures given) {}

  private Render pictures() throws IOException {
    var mp4 = dir.resolve("render.mp4");
    if (!Files.exists(mp4)) {
      Files.write(mp4, new byte[70_000]);
      Files.write(dir.resolve("poster.jpg"), new byte[] {4, 5});
      Files.write(dir.resolve("sprite.jpg"), new byte[] {6});
    }
    return new Render(
        mp4, new VideoPictures(dir.resolve("poster.jpg"), dir.resolve("sprite.jpg"), LAYOUT));
  }

  private static MediaProperties properties(Path dir) {
    return new MediaProperties(
        dir,
        dir,
        Duration.ofSeconds(60),
        DataSize.ofMegabytes(20),
        DataSize.ofMegabytes(50),
        DataSize.ofMegabytes(500),
        40_000_000,
        DataSize.ofMegabytes(160),
        Duration.ofMinutes(10),
        DataSize.ofGigabytes(2),
        MediaProperties.Storage.FILESYSTEM,
        new MediaProperties.S3(
            null,
            "us-east-1",
            null,
            false,
            null,
            null,
            DataSize.ofMegabytes(16),
            DataSize.ofMegabytes(8),
            false,
            Duration.ofMinutes(5)),
        Duration.ofMinutes(10));
  }

  private byte[] read(BlobKey key) throws IOException {
    try (var in = blobs.open(key).orElseThrow().getInputStream()) {
      return in.readAllBytes();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the other writes never finished");
      }
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static VideoDerivatives noFfmpeg() {
    return new VideoDerivatives() {
      @Override
      public void poster(Path video, Duration at, Path jpeg) {
        throw new AssertionError("FFmpeg must not run");
      }

      @Override
      public SpriteSheet spriteSheet(Path video, Duration duration, VideoSize size, Path jpeg) {
        throw new AssertionError("FFmpeg must not run");
      }
    };
  }

  /** A blob store that calls {@code beforePut} before each write. */
  private static class Watched implements BlobStore {
    private final BlobStore store;
    private final Consumer<BlobKey> beforePut;

    Watched(BlobStore store, Consumer<BlobKey> beforePut) {
      this.store = store;
      this.beforePut = beforePut;
    }

    @Override
    public void put(BlobKey key, Path source) throws IOException {
      beforePut.accept(key);
      store.put(key, source);
    }

    @Override
    public Optional<Resource> open(BlobKey key) {
      return store.open(key);
    }

    @Override
    public void delete(BlobKey key) throws IOException {
      store.delete(key);
    }

    @Override
    public void list(String prefix, Consumer<StoredBlob> action) throws IOException {
      store.list(prefix, action);
    }
  }
}
