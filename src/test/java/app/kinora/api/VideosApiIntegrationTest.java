package app.kinora.api;

import static app.kinora.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.media.MediaProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class VideosApiIntegrationTest extends IntegrationTest {

  @Autowired
  MediaProbe probe;

  @Autowired
  JdbcClient jdbc;

  private ApiClient api() {
    return new ApiClient(baseUrl(), ADMIN_API_KEY);
  }

  @Test
  void turnsAPromptIntoAPlayableFastStartMp4OfTheRequestedDurationAndSize(@TempDir Path dir)
      throws Exception {
    var created = api()
        .postMultipart(
            "/v1/videos",
            Map.of(
                "model",
                "kinora-local",
                "prompt",
                "A lighthouse on a cliff at sunset",
                "seconds",
                "4",
                "size",
                "1280x720"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().path("object").asString()).isEqualTo("video");
    assertThat(created.json().path("status").asString()).isIn("queued", "in_progress");
    assertThat(created.json().path("seconds").isString()).isTrue();
    var id = created.json().path("id").asString();
    assertThat(id).matches("video_[0-9a-f]{32}");

    var done = awaitEnd(id);
    assertThat(done.path("status").asString()).isEqualTo("completed");
    assertThat(done.path("progress").asInt()).isEqualTo(100);
    assertThat(done.path("completed_at").asLong())
        .isGreaterThanOrEqualTo(done.path("created_at").asLong());
    assertThat(done.path("error").isNull()).isTrue();

    var file = dir.resolve("video.mp4");
    var download = api().download("/v1/videos/" + id + "/content", file);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("video/mp4");
    var info = probe.probeMp4(file);
    assertThat(info.duration().toMillis()).isBetween(3900L, 4100L);
    assertThat(info.video()).hasValueSatisfying(v -> {
      assertThat(v.codec()).isEqualTo("h264");
      assertThat(v.width()).isEqualTo(1280);
      assertThat(v.height()).isEqualTo(720);
    });
    assertThat(info.audio()).hasValueSatisfying(a -> assertThat(a.codec()).isEqualTo("aac"));
    assertThat(info.fastStart()).isTrue();
  }

  @Test
  void servesByteRangesOfTheContentForSeeking() throws Exception {
    var id = api()
        .postJson(
            "/v1/videos", Map.of("prompt", "Waves on a beach", "seconds", 2, "size", "480x480"))
        .json()
        .path("id")
        .asString();
    awaitEnd(id);
    var full = api().get("/v1/videos/" + id + "/content");
    var range = api().get("/v1/videos/" + id + "/content", "Range", "bytes=100-199");

    assertThat(range.status()).isEqualTo(206);
    assertThat(range.raw().headers().firstValue("Content-Range"))
        .hasValue("bytes 100-199/" + full.raw().body().length);
    assertThat(range.raw().body())
        .containsExactly(java.util.Arrays.copyOfRange(full.raw().body(), 100, 200));
    assertThat(full.raw().headers().firstValue("ETag")).isPresent();
  }

  /**
   * Large ranges take a short way past Spring MVC (with sendfile); the same range asked
   * conditionally ({@code If-Range}) goes through the controller. Both answers must be the same.
   */
  @Test
  void largeRangesGetTheControllersExactAnswerOnTheShortWay() throws Exception {
    var id = api()
        .postJson(
            "/v1/videos",
            Map.of(
                "prompt",
                "Fireworks over a bay, zoom in",
                "seconds",
                6,
                "size",
                "1280x720",
                "seed",
                42))
        .json()
        .path("id")
        .asString();
    awaitEnd(id);
    var http = java.net.http.HttpClient.newHttpClient();
    var content = java.net.URI.create(baseUrl() + "/v1/videos/" + id + "/content");
    var whole = api().get("/v1/videos/" + id + "/content");
    int n = whole.raw().body().length;
    assertThat(n)
        .as("large enough for sendfile's ranges (a fixed seed makes the same file every run)")
        .isGreaterThan(300_000);
    var etag = whole.raw().headers().firstValue("ETag").orElseThrow();
    for (var range : List.of("0-", "100000-299999", "-200000")) {
      var shortWay = http.send(
          java.net.http.HttpRequest.newBuilder(content)
              .header("Authorization", "Bearer " + ADMIN_API_KEY)
              .header("Range", "bytes=" + range)
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      var controller = http.send(
          java.net.http.HttpRequest.newBuilder(content)
              .header("Authorization", "Bearer " + ADMIN_API_KEY)
              .header("Range", "bytes=" + range)
              .header("If-Range", etag)
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertThat(shortWay.statusCode()).as(range).isEqualTo(206).isEqualTo(controller.statusCode());
      assertThat(shortWay.body()).as(range).isEqualTo(controller.body());
      for (var header : List.of(
          "Content-Type",
          "Content-Length",
          "Content-Range",
          "ETag",
          "Last-Modified",
          "Cache-Control",
          "Accept-Ranges",
          "X-Content-Type-Options",
          "X-Frame-Options")) {
        assertThat(shortWay.headers().allValues(header))
            .as(range + " " + header)
            .isEqualTo(controller.headers().allValues(header));
      }
    }
    var stranger = TestAccounts.apiKey(jdbc, TestAccounts.newUser(jdbc, "USER"));
    assertThat(new ApiClient(baseUrl(), stranger)
            .get("/v1/videos/" + id + "/content", "Range", "bytes=0-")
            .status())
        .as("another user's key")
        .isEqualTo(404);
    assertThat(new ApiClient(baseUrl(), null)
            .get("/v1/videos/" + id + "/content", "Range", "bytes=0-")
            .status())
        .as("no key")
        .isEqualTo(401);
  }

  @Test
  void cancelsAVideoThatIsStillBeingMadeOnceAndGivesItsCreditsBack() {
    var id = api()
        .postJson(
            "/v1/videos",
            Map.of("prompt", "A very long drive at night", "seconds", 20, "size", "1920x1080"))
        .json()
        .path("id")
        .asString();

    var cancelled = api().postJson("/v1/videos/" + id + "/cancel", Map.of());

    assertThat(cancelled.status()).as(String.valueOf(cancelled.json())).isEqualTo(200);
    assertThat(cancelled.json().path("status").asString()).isEqualTo("failed");
    assertThat(cancelled.json().path("error").path("code").asString()).isEqualTo("cancelled");
    assertError(
        api().postJson("/v1/videos/" + id + "/cancel", Map.of()),
        409,
        "video_not_cancellable",
        "video_id");
    assertError(
        api().postJson("/v1/videos/video_00000000000000000000000000000000/cancel", Map.of()),
        404,
        "video_not_found",
        "video_id");
    var stranger = TestAccounts.apiKey(jdbc, TestAccounts.newUser(jdbc, "USER"));
    assertError(
        new ApiClient(baseUrl(), stranger).postJson("/v1/videos/" + id + "/cancel", Map.of()),
        404,
        "video_not_found",
        "video_id");
  }

  @Test
  void defaultsModelAndSizeAndAcceptsJson() {
    var created =
        api().postJson("/v1/videos", Map.of("prompt", "Fireflies in a forest", "seconds", "2"));

    assertThat(created.status()).isEqualTo(200);
    assertThat(created.json().path("model").asString()).isEqualTo("kinora-local");
    assertThat(created.json().path("size").asString()).isEqualTo("1280x720");
    assertThat(created.json().path("seconds").asString()).isEqualTo("2");
  }

  @Test
  void refusesASizeTheModelDoesNotOfferWithAnOpenAiError() {
    var reply = api().postJson("/v1/videos", Map.of("prompt", "x", "size", "1000x1000"));

    assertError(reply, 400, "invalid_size", "size");
    assertThat(reply.json().path("error").path("message").asString()).contains("1280x720");
  }

  @Test
  void refusesMalformedSizeSecondsOutOfRangeUnknownModelAndMissingPrompt() {
    assertError(
        api().postJson("/v1/videos", Map.of("prompt", "x", "size", "big")),
        400,
        "invalid_size",
        "size");
    assertError(
        api().postJson("/v1/videos", Map.of("prompt", "x", "seconds", "99")),
        400,
        "invalid_seconds",
        "seconds");
    assertError(
        api().postJson("/v1/videos", Map.of("prompt", "x", "seconds", "four")),
        400,
        "invalid_seconds",
        "seconds");
    assertError(
        api().postJson("/v1/videos", Map.of("prompt", "x", "model", "sora-2")),
        400,
        "model_not_found",
        "model");
    assertError(
        api().postJson("/v1/videos", Map.of("seconds", "4")), 400, "missing_prompt", "prompt");
  }

  @Test
  void refusesRequestsWithoutAValidKey() {
    assertError(new ApiClient(baseUrl(), null).get("/v1/videos"), 401, "invalid_api_key", null);
    assertError(
        new ApiClient(baseUrl(), "kn_wrong").get("/v1/videos"), 401, "invalid_api_key", null);
  }

  @Test
  void answersUnknownVideosAndPathsWithNotFound() {
    assertError(
        api().get("/v1/videos/video_00000000000000000000000000000000"),
        404,
        "video_not_found",
        "video_id");
    assertError(api().get("/v1/videos/not-an-id"), 404, "video_not_found", "video_id");
    assertError(api().get("/v1/nothing-here"), 404, "not_found", null);
  }

  @Test
  void refusesContentBeforeTheVideoIsDone() {
    var id = api()
        .postJson(
            "/v1/videos", Map.of("prompt", "Long desert drive", "seconds", "20", "size", "480x480"))
        .json()
        .path("id")
        .asString();

    assertError(api().get("/v1/videos/" + id + "/content"), 409, "video_not_ready", "video_id");
  }

  @Test
  void listsTheCallersVideosNewestFirst() {
    var id = api()
        .postJson("/v1/videos", Map.of("prompt", "Snow falling on a quiet street", "seconds", "2"))
        .json()
        .path("id")
        .asString();

    var list = api().get("/v1/videos");

    assertThat(list.json().path("object").asString()).isEqualTo("list");
    assertThat(list.json().path("data").get(0).path("id").asString()).isEqualTo(id);
  }

  @Test
  void honoursKinorasExtensionsForFrameRateSoundAndCaption(@TempDir Path dir) throws Exception {
    var created = api()
        .postJson(
            "/v1/videos",
            Map.of(
                "prompt",
                "Silent film",
                "seconds",
                "2",
                "size",
                "480x480",
                "fps",
                24,
                "generate_audio",
                false,
                "caption",
                false,
                "seed",
                7));
    assertThat(created.json().path("fps").asInt()).isEqualTo(24);
    assertThat(created.json().path("generate_audio").asBoolean()).isFalse();
    assertThat(created.json().path("seed").asLong()).isEqualTo(7);
    var id = created.json().path("id").asString();
    assertThat(awaitEnd(id).path("status").asString()).isEqualTo("completed");

    var file = dir.resolve("silent.mp4");
    api().download("/v1/videos/" + id + "/content", file);
    var info = probe.probeMp4(file);
    assertThat(info.audio()).isEmpty();
    assertThat(info.duration().toMillis()).isBetween(1900L, 2100L);
  }

  @Test
  void refusesAFrameRateTheModelDoesNotOffer() {
    assertError(
        api().postJson("/v1/videos", Map.of("prompt", "x", "fps", 25)), 400, "invalid_fps", "fps");
  }

  @Test
  void servesAPosterAndASpriteSheetOfEveryFinishedVideo() throws Exception {
    var id = api()
        .postJson(
            "/v1/videos", Map.of("prompt", "Harbour lights", "seconds", "2", "size", "1280x720"))
        .json()
        .path("id")
        .asString();
    awaitEnd(id);

    var thumbnail = api().get("/v1/videos/" + id + "/content?variant=thumbnail");
    var sprites = api().get("/v1/videos/" + id + "/content?variant=spritesheet");

    // WebP, the type OpenAI's API gives for both
    assertThat(thumbnail.status()).isEqualTo(200);
    assertThat(thumbnail.raw().headers().firstValue("Content-Type")).hasValue("image/webp");
    assertThat(sprites.raw().headers().firstValue("Content-Type")).hasValue("image/webp");
    assertThat(webpSize(thumbnail.raw().body())).containsExactly(1280, 720);
    assertThat(webpSize(sprites.raw().body())).containsExactly(5 * 192, 4 * 108);
    assertError(
        api().get("/v1/videos/" + id + "/content?variant=gif"), 400, "invalid_variant", "variant");
  }

  @Test
  void refusesReferenceFilesOfTheWrongKindWithTheFittingStatus() {
    var svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes();
    var reply = api()
        .postMultipart(
            "/v1/videos", Map.of("prompt", "From a picture"), Map.of("input_reference", svg));

    assertError(reply, 415, "unsupported_file_type", "input_reference");
  }

  /** Width and height from a WebP's header: its lossy (VP8), lossless (VP8L) or extended (VP8X) chunk. */
  private static int[] webpSize(byte[] webp) {
    assertThat(new String(webp, 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("RIFF");
    assertThat(new String(webp, 8, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("WEBP");
    var chunk = new String(webp, 12, 4, java.nio.charset.StandardCharsets.US_ASCII);
    return switch (chunk) {
      case "VP8 " -> new int[] {le16(webp, 26) & 0x3fff, le16(webp, 28) & 0x3fff};
      case "VP8X" -> new int[] {le24(webp, 24) + 1, le24(webp, 27) + 1};
      case "VP8L" -> {
        int bits = (webp[21] & 0xff)
            | (webp[22] & 0xff) << 8
            | (webp[23] & 0xff) << 16
            | (webp[24] & 0xff) << 24;
        yield new int[] {(bits & 0x3fff) + 1, ((bits >> 14) & 0x3fff) + 1};
      }
      default -> throw new AssertionError("not a WebP chunk: " + chunk);
    };
  }

  private static int le16(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
  }

  private static int le24(byte[] bytes, int at) {
    return le16(bytes, at) | (bytes[at + 2] & 0xff) << 16;
  }

  private JsonNode awaitEnd(String id) {
    return await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> api().get("/v1/videos/" + id).json(),
            json -> json.path("status").asString().matches("completed|failed"));
  }
}
