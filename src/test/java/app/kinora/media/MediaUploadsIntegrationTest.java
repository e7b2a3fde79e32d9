package app.kinora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.shared.UserId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

class MediaUploadsIntegrationTest extends IntegrationTest {

  @Autowired
  MediaUploads uploads;

  @Autowired
  MediaProperties properties;

  @Autowired
  BlobStore blobs;

  @Autowired
  java.util.List<StoredFileReferences> references;

  @Autowired
  org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final UserId owner = UserId.random();

  @AfterEach
  void leavesNoTemporaryFileBehind() throws IOException {
    try (var files = Files.list(properties.workDir())) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("upload-")))
          .isEmpty();
    }
  }

  @Test
  void acceptsAnImageAndKeepsOnlyASanitisedPng(@TempDir Path dir) throws IOException {
    var upload = uploads.accept(owner, MediaKind.IMAGE, stream(TestMedia.jpeg(640, 360)));

    assertThat(upload.kind()).isEqualTo(MediaKind.IMAGE);
    assertThat(upload.width()).isEqualTo(640);
    assertThat(upload.height()).isEqualTo(360);
    var local = uploads.copyToLocal(upload.id(), dir);
    assertThat(local.getFileName().toString()).endsWith(".png");
    var bytes = Files.readAllBytes(local);
    assertThat(Arrays.copyOf(bytes, 8))
        .containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
    assertThat(uploads.find(owner, upload.id())).isPresent();
    assertThat(uploads.find(UserId.random(), upload.id())).isEmpty();
  }

  @Test
  void appliesTheExifOrientationThenDropsExifGpsXmpAndComments(@TempDir Path dir)
      throws IOException {
    var original = TestMedia.jpegWithExif(640, 360, 6);
    assertThat(new String(original, StandardCharsets.ISO_8859_1))
        .contains("SpyCam", "secret-place", "Alice");

    var upload = uploads.accept(owner, MediaKind.IMAGE, stream(original));

    // what the worker hands a provider is this copy
    var sent = Files.readAllBytes(uploads.copyToLocal(upload.id(), dir));
    var text = new String(sent, StandardCharsets.ISO_8859_1);
    assertThat(text)
        .doesNotContain(
            "SpyCam",
            "secret-place",
            "Alice",
            "Exif",
            "eXIf",
            "GPS",
            "xmpmeta",
            "tEXt",
            "iTXt",
            "zTXt");
    var picture = javax.imageio.ImageIO.read(new ByteArrayInputStream(sent));
    assertThat(picture.getWidth()).as("orientation 6 turns the picture upright").isEqualTo(360);
    assertThat(picture.getHeight()).isEqualTo(640);
    assertThat(new java.awt.Color(picture.getRGB(180, 100)).getRed())
        .as("left half is now on top")
        .isGreaterThan(150);
    assertThat(new java.awt.Color(picture.getRGB(180, 540)).getBlue()).isGreaterThan(150);
    assertThat(upload.width()).isEqualTo(360);
  }

  @Test
  void keepsTheOriginalOnlyWhenAskedForItsOwnerAloneAndDeletesItWithTheUpload(@TempDir Path dir)
      throws IOException {
    var sent = TestMedia.jpegWithExif(640, 360, 6);

    var plain = uploads.accept(owner, MediaKind.IMAGE, stream(sent));
    assertThat(uploads.original(owner, plain.id()))
        .as("not asked: the file as sent is gone")
        .isEmpty();
    assertThat(storedKeys(plain.id())).hasSize(1);

    var kept = uploads.accept(owner, MediaKind.IMAGE, stream(sent), true);
    var original = uploads.original(owner, kept.id()).orElseThrow();
    assertThat(original.contentType()).isEqualTo("image/jpeg");
    assertThat(original.extension()).isEqualTo("jpg");
    try (var in = original.file().getInputStream()) {
      assertThat(in.readAllBytes()).as("byte for byte, metadata and all").isEqualTo(sent);
    }
    assertThat(new String(
            Files.readAllBytes(uploads.copyToLocal(kept.id(), dir)), StandardCharsets.ISO_8859_1))
        .as("what providers get is still the sanitised copy")
        .doesNotContain("SpyCam", "secret-place");
    assertThat(uploads.original(UserId.random(), kept.id())).as("another user").isEmpty();
    assertThat(uploads.withOriginals(owner, java.util.List.of(plain.id(), kept.id())))
        .containsExactly(kept.id());
    assertThat(uploads.usedBytes(owner))
        .as("the original counts against the quota")
        .isEqualTo(plain.bytes() + kept.bytes() + sent.length);
    var keys = storedKeys(kept.id());
    assertThat(keys)
        .hasSize(2)
        .allSatisfy(key -> assertThat(blobs.open(new BlobKey(key))).isPresent());
    var uploadReferences = references.stream()
        .filter(r -> r.kind() == StoredFileReferences.Kind.UPLOADS)
        .toList();
    assertThat(uploadReferences)
        .as("media answers the storage sweep for its uploads")
        .hasSize(1);
    assertThat(uploadReferences
            .getFirst()
            .referenced(keys.stream().map(BlobKey::new).toList()))
        .extracting(BlobKey::value)
        .containsExactlyInAnyOrderElementsOf(keys);

    uploads.discard(owner, java.util.List.of(plain.id(), kept.id()));

    assertThat(keys)
        .allSatisfy(key -> assertThat(blobs.open(new BlobKey(key))).as(key).isEmpty());
    assertThat(uploads.usedBytes(owner)).isZero();
  }

  private java.util.List<String> storedKeys(UploadId id) {
    return jdbc.sql(
            "select key from media_uploads, unnest(array[blob_key, original_key]) key where id = ? and key is not null")
        .param(id.value())
        .query(String.class)
        .list();
  }

  @Test
  void refusesUploadsBeyondTheUsersQuotaAndDiscardsOnRequest() {
    var first = uploads.accept(owner, MediaKind.IMAGE, stream(TestMedia.png(64, 64)));
    assertThat(uploads.usedBytes(owner)).isEqualTo(first.bytes());

    uploads.discard(UserId.random(), java.util.List.of(first.id()));
    assertThat(uploads.find(owner, first.id()))
        .as("another user cannot discard it")
        .isPresent();
    uploads.discard(owner, java.util.List.of(first.id()));
    assertThat(uploads.find(owner, first.id())).isEmpty();
    assertThat(uploads.usedBytes(owner)).isZero();
  }

  @Test
  void acceptsAudioAsMonoWavAndVideoAsFastStartMp4(@TempDir Path dir) {
    var audio = uploads.accept(owner, MediaKind.AUDIO, stream(TestMedia.wav(1.5, 44100)));
    assertThat(audio.duration().toMillis()).isBetween(1450L, 1550L);
    assertThat(uploads.copyToLocal(audio.id(), dir).toString()).endsWith(".wav");

    var clip = dir.resolve("clip.webm");
    TestMedia.video(clip, "webm", 320, 240, 1);
    var video = uploads.accept(owner, MediaKind.VIDEO, open(clip));
    assertThat(video.width()).isEqualTo(320);
    assertThat(video.duration().toMillis()).isBetween(900L, 1100L);
  }

  @Test
  void refusesWhatIsNotTheExpectedKind() {
    assertRejected(
        MediaKind.IMAGE,
        TestMedia.wav(1, 8000),
        MediaRejected.Reason.UNSUPPORTED_TYPE,
        "Expected an image");
    assertRejected(
        MediaKind.AUDIO,
        TestMedia.png(16, 16),
        MediaRejected.Reason.UNSUPPORTED_TYPE,
        "Expected audio");
  }

  @Test
  void refusesActiveAndPlaylistFormatsByTheirContent() {
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    var playlist =
        "#EXTM3U\n#EXT-X-MEDIA-SEQUENCE:0\n#EXTINF:10.0,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n";
    var concat = "ffconcat version 1.0\nfile '/etc/passwd'\n";
    assertRejected(
        MediaKind.IMAGE,
        svg.getBytes(StandardCharsets.UTF_8),
        MediaRejected.Reason.UNSUPPORTED_TYPE,
        "not accepted");
    assertRejected(
        MediaKind.VIDEO,
        playlist.getBytes(StandardCharsets.UTF_8),
        MediaRejected.Reason.UNSUPPORTED_TYPE,
        "not accepted");
    assertRejected(
        MediaKind.VIDEO,
        concat.getBytes(StandardCharsets.UTF_8),
        MediaRejected.Reason.UNSUPPORTED_TYPE,
        "not accepted");
  }

  @Test
  void refusesTruncatedAndEmptyFiles() {
    var png = TestMedia.png(400, 300);
    assertRejected(MediaKind.IMAGE, Arrays.copyOf(png, 60), MediaRejected.Reason.INVALID, "");
    assertRejected(MediaKind.IMAGE, new byte[0], MediaRejected.Reason.INVALID, "empty");
  }

  @Test
  void refusesAPictureOfSixtyThousandPixelsSquareFromItsHeaderAlone() {
    assertRejected(
        MediaKind.IMAGE, pngHeader(60_000, 60_000), MediaRejected.Reason.TOO_LARGE, "megapixels");
  }

  @Test
  void refusesAnUploadLargerThanTheLimitWhileStreamingIt() {
    var tooBig = new InputStream() {
      long left = properties.maxImageSize().toBytes() + 1;

      @Override
      public int read() {
        return left-- > 0 ? 0 : -1;
      }
    };
    assertThatThrownBy(() -> uploads.accept(owner, MediaKind.IMAGE, tooBig))
        .isInstanceOfSatisfying(
            MediaRejected.class,
            e -> assertThat(e.reason()).isEqualTo(MediaRejected.Reason.TOO_LARGE));
  }

  private void assertRejected(
      MediaKind kind, byte[] bytes, MediaRejected.Reason reason, String message) {
    assertThatThrownBy(() -> uploads.accept(owner, kind, stream(bytes)))
        .isInstanceOfSatisfying(MediaRejected.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).contains(message);
        });
  }

  /** A valid PNG signature and IHDR chunk announcing the given size, and nothing else. */
  static byte[] pngHeader(int width, int height) {
    var ihdr = java.nio.ByteBuffer.allocate(17)
        .put("IHDR".getBytes(StandardCharsets.US_ASCII))
        .putInt(width)
        .putInt(height)
        .put((byte) 8)
        .put((byte) 2)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0);
    var crc = new CRC32();
    crc.update(ihdr.array());
    return java.nio.ByteBuffer.allocate(8 + 4 + 17 + 4)
        .put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})
        .putInt(13)
        .put(ihdr.array())
        .putInt((int) crc.getValue())
        .array();
  }

  private static InputStream stream(byte[] bytes) {
    return new ByteArrayInputStream(bytes);
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
