package app.kinora.provenance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.provenance.C2paTs;
import app.kinora.provenance.Credentials;
import app.kinora.provenance.InputMedia;
import app.kinora.provenance.ManifestDraft;
import app.kinora.provenance.SourceType;
import app.kinora.provenance.TestVideos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCredentialsUnitTest {

  @TempDir
  Path directory;

  private final KinoraContentCredentials kinora = credentials();

  private static KinoraContentCredentials credentials() {
    return new KinoraContentCredentials(
        SelfMadeCertificates.make("Test operator"),
        List.of(),
        new Timestamps(null, Duration.ZERO),
        "9.9.9",
        List.of());
  }

  private static ManifestDraft platformDraft() {
    return new ManifestDraft(
        SourceType.TRAINED_ALGORITHMIC_MEDIA, "veo-3", "fal.ai", List.of(), Instant.now());
  }

  @Test
  void aSignedVideoIsValidForAnIndependentValidatorAndStillPlays() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    int frames = TestVideos.decodedFrames(video);

    kinora.sign(video, platformDraft());

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.successCodes())
        .contains("claimSignature.validated", "assertion.bmffHash.match");
    assertThat(report.actions()).containsExactly("c2pa.created");
    assertThat(report.sourceTypes()).containsExactly(SourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
    assertThat(report.json().path("generator").asString()).isEqualTo("Kinora");
    assertThat(TestVideos.decodedFrames(video)).isEqualTo(frames);

    var own = kinora.read(video);
    assertThat(own.state()).as(own.problems().toString()).isEqualTo(Credentials.State.VALID);
    assertThat(own.active().generator()).isEqualTo("Kinora/9.9.9");
    assertThat(own.active().signer().trust()).isEqualTo(Credentials.Trust.THIS_SERVER);
    assertThat(own.active().sourceType()).contains(SourceType.TRAINED_ALGORITHMIC_MEDIA);
  }

  @Test
  void aFlippedMediaByteIsReportedAsChangedByBothValidators() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    kinora.sign(video, platformDraft());
    var bytes = Files.readAllBytes(video);
    int mdat = indexOf(bytes, "mdat") + 100;
    bytes[mdat] ^= 0x01;
    Files.write(video, bytes);

    var report = C2paTs.check(video);
    assertThat(report.valid()).isFalse();
    assertThat(report.failureCodes()).contains("assertion.bmffHash.mismatch");
    assertThat(kinora.read(video).state()).isEqualTo(Credentials.State.CHANGED);
  }

  @Test
  void aVideoWithoutItsUuidBoxHasNoCredentials() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    kinora.sign(video, platformDraft());
    var bytes = Files.readAllBytes(video);
    int uuid = indexOf(bytes, "uuid") - 4;
    int size = java.nio.ByteBuffer.wrap(bytes, uuid, 4).getInt();
    var stripped = new byte[bytes.length - size];
    System.arraycopy(bytes, 0, stripped, 0, uuid);
    System.arraycopy(bytes, uuid + size, stripped, uuid, bytes.length - uuid - size);
    Files.write(video, stripped);

    assertThat(C2paTs.check(video).hasManifest()).isFalse();
    assertThat(kinora.read(video).state()).isEqualTo(Credentials.State.NONE);
  }

  @Test
  void aPlatformsOwnCredentialsBecomeTheParentIngredient() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    var platform = credentials();
    platform.sign(video, platformDraft());
    var platformLabel = C2paTs.check(video).manifests().getFirst();

    kinora.sign(video, platformDraft());

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.manifests()).hasSize(2).startsWith(platformLabel);
    assertThat(report.actions()).containsExactly("c2pa.opened");
    assertThat(report.ingredients()).singleElement().satisfies(parent -> {
      assertThat(parent.path("relationship").asString()).isEqualTo("parentOf");
      assertThat(parent.path("activeManifest").asString()).endsWith(platformLabel);
    });
    var own = kinora.read(video);
    assertThat(own.state()).as(own.problems().toString()).isEqualTo(Credentials.State.VALID);
    var parent = own.active().ingredients().getFirst().manifest().orElseThrow();
    assertThat(parent.signatureValid()).isTrue();
    assertThat(parent.signer().trust()).isEqualTo(Credentials.Trust.UNTRUSTED);
  }

  @Test
  void inputsAreNamedByTheirHashAlone() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    var hash = "ab".repeat(32);
    kinora.sign(
        video,
        new ManifestDraft(
            SourceType.ALGORITHMIC_MEDIA,
            "kinora-local",
            null,
            List.of(new InputMedia(InputMedia.Role.FIRST_FRAME, "image/png", hash)),
            Instant.now()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.sourceTypes()).containsExactly(SourceType.ALGORITHMIC_MEDIA.uri());
    assertThat(report.ingredients()).singleElement().satisfies(input -> {
      assertThat(input.path("relationship").asString()).isEqualTo("inputTo");
      assertThat(input.path("instanceID").asString()).isEqualTo("sha256:" + hash);
    });
  }

  @Test
  void aRemixNamesItsSourceClipAsParentAndItsOtherInputs() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    kinora.sign(
        video,
        new ManifestDraft(
            SourceType.TRAINED_ALGORITHMIC_MEDIA,
            "veo-3",
            "fal.ai",
            List.of(
                new InputMedia(InputMedia.Role.SOURCE_VIDEO, "video/mp4", "cd".repeat(32)),
                new InputMedia(InputMedia.Role.REFERENCE_IMAGE, "image/png", "ef".repeat(32))),
            Instant.now()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.actions()).containsExactly("c2pa.opened", "c2pa.edited");
    assertThat(report.ingredients())
        .extracting(i -> i.path("relationship").asString())
        .containsExactly("parentOf", "inputTo");
  }

  @Test
  void aTimestampAuthoritysTimeIsKeptAndChecked() throws Exception {
    try (var authority = new LocalTimestampAuthority()) {
      var stamped = new KinoraContentCredentials(
          SelfMadeCertificates.make("Test operator"),
          List.of(),
          new Timestamps(authority.uri(), Duration.ofSeconds(5)),
          "9.9.9",
          List.of());
      var video = TestVideos.mp4(directory.resolve("video.mp4"));

      stamped.sign(video, platformDraft());

      var report = C2paTs.check(video);
      assertThat(report.valid()).as(report.toString()).isTrue();
      assertThat(report.successCodes()).contains("timeStamp.trusted");
      var own = stamped.read(video);
      assertThat(own.state()).isEqualTo(Credentials.State.VALID);
      assertThat(own.active().timestamped()).isTrue();
    }
  }

  @Test
  void anOperatorsWatermarkIsAppliedBeforeSigningAndDeclared() throws Exception {
    var embedded = new java.util.ArrayList<Path>();
    var watermark = new app.kinora.provenance.spi.InvisibleWatermark() {
      @Override
      public String name() {
        return "test-mark/1";
      }

      @Override
      public void embed(Path mp4) {
        embedded.add(mp4);
      }
    };
    var marking = new KinoraContentCredentials(
        SelfMadeCertificates.make("Test operator"),
        List.of(),
        new Timestamps(null, Duration.ZERO),
        "9.9.9",
        List.of(watermark));
    var video = TestVideos.mp4(directory.resolve("video.mp4"));

    marking.sign(video, platformDraft());

    assertThat(embedded).containsExactly(video);
    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.actions()).containsExactly("c2pa.created", "c2pa.watermarked");
  }

  @Test
  void aPictureAnotherToolSignedIsReadAndAChangeInItShows() throws Exception {
    var signer = SelfMadeCertificates.make("Picture maker");
    var picture =
        Files.write(directory.resolve("in.jpg"), app.kinora.media.TestMedia.jpeg(320, 240));
    var signed = directory.resolve("signed.jpg");
    var certificates = new java.util.ArrayList<byte[]>();
    for (var certificate : signer.chain()) {
      certificates.add(certificate.getEncoded());
    }
    C2paTs.signPicture(picture, signed, signer.key().getEncoded(), certificates);
    assertThat(C2paTs.check(signed).valid()).as("c2pa-ts reads what it wrote").isTrue();

    var read = kinora.read(signed);
    assertThat(read.state()).as(read.problems().toString()).isEqualTo(Credentials.State.VALID);
    assertThat(read.active().signer().subject())
        .isEqualTo("Kinora Content Credentials (Picture maker)");
    assertThat(read.active().sourceType()).contains(SourceType.TRAINED_ALGORITHMIC_MEDIA);

    var bytes = Files.readAllBytes(signed);
    bytes[bytes.length - 10] ^= 0x01; // in the entropy-coded picture data
    Files.write(signed, bytes);
    assertThat(kinora.read(signed).state()).isEqualTo(Credentials.State.CHANGED);
    assertThat(kinora.read(picture).state()).isEqualTo(Credentials.State.NONE);

    var png = Files.write(directory.resolve("in.png"), app.kinora.media.TestMedia.png(320, 240));
    var signedPng = directory.resolve("signed.png");
    C2paTs.signPicture(png, signedPng, signer.key().getEncoded(), certificates);
    var readPng = kinora.read(signedPng);
    assertThat(readPng.state())
        .as(readPng.problems().toString())
        .isEqualTo(Credentials.State.VALID);
  }

  @Test
  void damagedCredentialsAreReportedNeverThrown() throws Exception {
    var video = TestVideos.mp4(directory.resolve("video.mp4"));
    kinora.sign(video, platformDraft());
    var signed = Files.readAllBytes(video);
    int start = indexOf(signed, "uuid") - 4;
    int size = java.nio.ByteBuffer.wrap(signed, start, 4).getInt();
    var random = new java.util.Random(17);
    var damaged = directory.resolve("damaged.mp4");
    for (int i = 0; i < 400; i++) {
      var bytes = signed.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        bytes[start + random.nextInt(size)] = (byte) random.nextInt(256);
      }
      Files.write(damaged, bytes);
      if (i % 50 == 0) { // cut short too
        Files.write(damaged, java.util.Arrays.copyOf(bytes, start + random.nextInt(size)));
      }
      var read = kinora.read(damaged);
      try (var in = Files.newInputStream(damaged)) {
        kinora.readHead(in);
      } catch (java.io.EOFException e) {
        // a stream that ends early is the caller's I/O problem, not a damaged manifest
      }
      assertThat(read.state()).isNotNull();
    }
  }

  private static int indexOf(byte[] bytes, String type) {
    var needle = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i < bytes.length - 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no " + type + " box");
  }
}
