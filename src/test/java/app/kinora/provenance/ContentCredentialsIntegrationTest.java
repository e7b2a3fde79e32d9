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

  @Autowired
  JdbcClient jdbc;

  @TempDir
  Path dir;

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
    assertThat(report.actions()).containsExactly("c2pa.opened");
    assertThat(report.sourceTypes()).containsExactly(SourceType.TRAINED_ALGORITHMIC_MEDIA.uri());
    assertThat(report.ingredients()).singleElement().satisfies(parent -> {
      assertThat(parent.path("relationship").asString()).isEqualTo("parentOf");
      assertThat(parent.path("activeManifest").asString()).endsWith(platformManifest);
    });
    assertThat(TestVideos.mdat(Files.readAllBytes(video)))
        .as("the platform's pictures and sound, not re-encoded")
        .isEqualTo(TestVideos.mdat(bytes));
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
