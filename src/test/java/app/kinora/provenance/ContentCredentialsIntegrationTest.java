package app.kinora.provenance;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.media.TestMedia;
import app.kinora.provenance.internal.PlatformSigner;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every video Kinora stores carries Content Credentials that c2pa-ts, an implementation not
 * written here, validates: the local renderer's (from a first frame) and a platform's, whose own
 * credentials stay as the parent ingredient. The manifest holds nothing about the video's owner.
 */
class ContentCredentialsIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().port(GATEWAY_PORT))
      .build();

  @RegisterExtension
  static WireMockExtension gemini =
      WireMockExtension.newInstance().options(wireMockConfig().port(VEO_PORT)).build();

  @Autowired
  JdbcClient jdbc;

  @TempDir
  Path dir;

  @Test
  void anExtensionNamesTheVideoItContinuesAsItsParent() throws Exception {
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);
    var first = api.postJson(
        "/v1/videos",
        Map.of(
            "model",
            "kinora-local",
            "prompt",
            "A lake at dawn",
            "seconds",
            "2",
            "size",
            "854x480"));
    assertThat(first.status()).as(String.valueOf(first.json())).isEqualTo(200);
    var done = awaitCompleted(api, first.json().path("id").asString());
    var firstId = done.path("id").asString();
    var original = download(api, done);

    var reply = api.postJson(
        "/v1/videos/extensions",
        Map.of("prompt", "The sun rises", "seconds", "2", "video", Map.of("id", firstId)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.successCodes()).contains("assertion.bmffHash.match");
    assertThat(report.actions()).startsWith("c2pa.opened");
    assertThat(report.sourceTypes()).contains(SourceType.ALGORITHMIC_MEDIA.uri());
    assertThat(report.ingredients())
        .filteredOn(i -> i.path("relationship").asString().equals("parentOf"))
        .singleElement()
        .satisfies(parent -> assertThat(parent.path("instanceID").asString())
            .isEqualTo("sha256:" + sha256(original)));
  }

  @Test
  void aRemixNamesItsOriginalAsItsParent() throws Exception {
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);
    var first = api.postJson(
        "/v1/videos",
        Map.of(
            "model", "kinora-local", "prompt", "A forest path", "seconds", "2", "size", "854x480"));
    assertThat(first.status()).as(String.valueOf(first.json())).isEqualTo(200);
    var done = awaitCompleted(api, first.json().path("id").asString());
    var original = download(api, done);

    var reply = api.postJson(
        "/v1/videos/" + done.path("id").asString() + "/remix",
        Map.of("prompt", "A forest path in snow"));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.actions()).startsWith("c2pa.opened");
    assertThat(report.ingredients())
        .filteredOn(i -> i.path("relationship").asString().equals("parentOf"))
        .singleElement()
        .satisfies(parent -> assertThat(parent.path("instanceID").asString())
            .isEqualTo("sha256:" + sha256(original)));
  }

  private static String sha256(Path file) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(
            java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  @Test
  void aLocalVideoFromAFirstFrameIsSignedWithoutItsOwnersData() throws Exception {
    var email = "lighthouse-keeper-" + System.nanoTime() + "@kinora.test";
    var owner = TestAccounts.newUser(jdbc, "USER", email, null);
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, owner));
    var prompt = "A marzipan lighthouse blinking over Quillmoor bay";
    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("model", "kinora-local", "prompt", prompt, "seconds", "2", "size", "1280x720"),
        Map.of("input_reference", TestMedia.png(1280, 720)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.successCodes())
        .contains("claimSignature.validated", "assertion.bmffHash.match");
    assertThat(report.actions()).containsExactly("c2pa.created");
    assertThat(report.sourceTypes()).containsExactly(SourceType.ALGORITHMIC_MEDIA.uri());
    assertThat(report.ingredients()).singleElement().satisfies(frame -> {
      assertThat(frame.path("title").asString()).isEqualTo("first frame");
      assertThat(frame.path("relationship").asString()).isEqualTo("inputTo");
      assertThat(frame.path("instanceID").asString()).matches("sha256:[0-9a-f]{64}");
    });

    var manifest =
        new String(TestVideos.manifestBox(Files.readAllBytes(video)), StandardCharsets.ISO_8859_1);
    assertThat(manifest)
        .doesNotContain(email, "lighthouse-keeper", "Test User", owner.toString())
        .doesNotContain(owner.toString().replace("-", ""))
        .doesNotContainIgnoringCase("marzipan")
        .doesNotContainIgnoringCase("Quillmoor");
  }

  /** The prompt is published with a video only when its owner asks, for that video. */
  @Test
  void theOwnerMayPutThePromptInAVideosCredentials() throws Exception {
    var owner = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, owner));
    var prompt = "A marzipan windmill turning over Quillmoor fields";
    var reply = api.postJson(
        "/v1/videos",
        Map.of(
            "model", "kinora-local",
            "prompt", prompt,
            "seconds", "2",
            "size", "854x480",
            "prompt_in_credentials", true));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(
            new String(TestVideos.manifestBox(Files.readAllBytes(video)), StandardCharsets.UTF_8))
        .contains("Prompt: \u201c" + prompt + "\u201d");
  }

  @Test
  void aPlatformsOwnCredentialsAreKeptAsTheParentIngredient() throws Exception {
    var fixture = PlatformSigner.sign(TestVideos.mp4(dir.resolve("platform.mp4"), 1280, 720, 4));
    var platformManifest = C2paTs.check(fixture).manifests().getFirst();
    var bytes = Files.readAllBytes(fixture);
    gateway.stubFor(post("/v1/videos")
        .willReturn(
            okJson("{\"id\":\"video_signed\",\"object\":\"video\",\"status\":\"queued\"}")));
    gateway.stubFor(get("/v1/videos/video_signed")
        .willReturn(okJson("{\"id\":\"video_signed\",\"status\":\"completed\"}")));
    gateway.stubFor(
        get("/v1/videos/video_signed/content").willReturn(aResponse().withBody(bytes)));
    gateway.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete("/v1/videos/video_signed")
            .willReturn(okJson("{\"id\":\"video_signed\",\"deleted\":true}")));
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);

    var reply = api.postJson(
        "/v1/videos",
        Map.of("model", "gateway-sora", "prompt", "A harbour", "seconds", "4", "size", "1280x720"));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.manifests()).hasSize(2).startsWith(platformManifest);
    assertThat(report.actions())
        .as("opened the platform's file, then drew the visible label on it")
        .containsExactly("c2pa.opened", "c2pa.edited");
    assertThat(report.sourceTypes()).containsExactly(SourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
    assertThat(report.ingredients()).singleElement().satisfies(parent -> {
      assertThat(parent.path("relationship").asString()).isEqualTo("parentOf");
      assertThat(parent.path("activeManifest").asString()).endsWith(platformManifest);
    });
    assertThat(cornerContrast(TestVideos.firstFrame(video)))
        .as("the AI-generated label in the bottom-right corner")
        .isGreaterThan(cornerContrast(TestVideos.firstFrame(fixture)) + 100);
    var object = api.get("/v1/videos/" + reply.json().path("id").asString()).json();
    assertThat(object.path("ai_generated").asBoolean(false)).isTrue();
    assertThat(object
            .path("provenance")
            .path("ingredients")
            .path(0)
            .path("signed_by")
            .asString())
        .isEqualTo("Kinora Content Credentials (Example Video Platform)");
  }

  @Test
  void aVeoVideoWithoutCredentialsOfItsOwnIsSignedAsMadeByATrainedModel() throws Exception {
    var operation = "models/veo-3.1-fast-generate-preview/operations/c2pa1";
    gemini.stubFor(post("/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning")
        .willReturn(okJson("{\"name\":\"" + operation + "\"}")));
    gemini.stubFor(get("/v1beta/" + operation)
        .willReturn(okJson("{\"name\":\"" + operation + "\",\"done\":true,\"response\":{"
            + "\"generateVideoResponse\":{\"generatedSamples\":[{\"video\":{\"uri\":"
            + "\"http://127.0.0.1:" + VEO_PORT
            + "/v1beta/files/c2pa1:download?alt=media\"}}]}}}")));
    gemini.stubFor(get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
            "/v1beta/files/c2pa1:download"))
        .willReturn(aResponse()
            .withHeader("Content-Type", "video/mp4")
            .withBody(Files.readAllBytes(TestVideos.mp4(dir.resolve("veo.mp4"), 1280, 720, 4)))));
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);

    var reply = api.postJson(
        "/v1/videos",
        Map.of("model", "test-veo", "prompt", "A fox", "seconds", "4", "size", "1280x720"));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var video = download(api, awaitCompleted(api, reply.json().path("id").asString()));

    var report = C2paTs.check(video);
    assertThat(report.valid()).as(report.toString()).isTrue();
    assertThat(report.actions()).containsExactly("c2pa.created", "c2pa.edited");
    assertThat(report.sourceTypes()).contains(SourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
    assertThat(report.json().path("actions").path(0).path("softwareAgent").asString())
        .isEqualTo("veo-3.1-fast-generate-preview");
    assertThat(report.ingredients()).isEmpty();
  }

  @Test
  void theCheckerExplainsCredentialsAndSeesAChangedOrStrippedFile() throws Exception {
    var video = TestVideos.mp4(dir.resolve("checked.mp4"));
    PlatformSigner.sign(video);
    var bytes = Files.readAllBytes(video);
    var web = new WebSession(baseUrl());

    var intact = check(web, bytes);
    assertThat(intact.status()).isEqualTo(200);
    assertThat(intact.body())
        .contains("the file is as it was when it was signed")
        .contains("Kinora Content Credentials (Example Video Platform)")
        .contains("AI-generated: made by a trained model")
        .contains("sora-2-pro");

    var flipped = bytes.clone();
    flipped[indexOf(flipped, "mdat") + 100] ^= 0x01;
    assertThat(check(web, flipped).body()).contains("the file was changed after it was signed");

    var uuid = indexOf(bytes, "uuid") - 4;
    int size = java.nio.ByteBuffer.wrap(bytes, uuid, 4).getInt();
    var stripped = new byte[bytes.length - size];
    System.arraycopy(bytes, 0, stripped, 0, uuid);
    System.arraycopy(bytes, uuid + size, stripped, uuid, bytes.length - uuid - size);
    assertThat(check(web, stripped).body()).contains("This file has no Content Credentials.");

    var picture = check(web, TestMedia.jpeg(320, 240));
    assertThat(picture.body())
        .contains("This file has no Content Credentials.")
        .contains("posters and preview frames carry no credentials");

    var notAFile = check(web, "not a video at all".getBytes(StandardCharsets.UTF_8));
    assertThat(notAFile.status()).isEqualTo(415);
    assertThat(notAFile.body()).contains("are not accepted here");
  }

  @Test
  void operatorsAreToldThatSelfSignedCredentialsAreUntrustedElsewhere() {
    var health = new ApiClient(baseUrl(), ADMIN_API_KEY).get("/actuator/health/contentCredentials");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("details").path("certificate").asString())
        .startsWith("self-signed: verifiers will show them as untrusted");
  }

  /** The spread of brightness in the bottom-right corner: a flat fixture has almost none. */
  private static int cornerContrast(java.awt.image.BufferedImage frame) {
    int min = 255;
    int max = 0;
    for (int y = frame.getHeight() * 9 / 10; y < frame.getHeight(); y++) {
      for (int x = frame.getWidth() * 3 / 4; x < frame.getWidth(); x++) {
        var rgb = frame.getRGB(x, y);
        int level = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
        min = Math.min(min, level);
        max = Math.max(max, level);
      }
    }
    return max - min;
  }

  private static WebSession.Page check(WebSession web, byte[] file) {
    var csrf = web.get("/verify").csrf();
    return web.postFile("/verify", "file", "clip.mp4", file, csrf);
  }

  private static int indexOf(byte[] bytes, String type) {
    var needle = type.getBytes(StandardCharsets.US_ASCII);
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

  private static JsonNode awaitCompleted(ApiClient api, String id) {
    var done = await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api.get("/v1/videos/" + id).json(),
            json -> json.path("status").asString().matches("completed|failed"));
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    return done;
  }

  private Path download(ApiClient api, JsonNode video) throws Exception {
    var file = dir.resolve(video.path("id").asString() + ".mp4");
    api.download("/v1/videos/" + video.path("id").asString() + "/content", file);
    return file;
  }
}
