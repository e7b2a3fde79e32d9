package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.provider.adapter.FalAdapter;
import app.kinora.provider.adapter.HttpTimeouts;
import app.kinora.provider.adapter.OpenAiGatewayAdapter;
import app.kinora.provider.adapter.OpenRouterAdapter;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.VideoProvider;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Routing against WireMock platforms and the real transfer log: fallback after a platform keeps
 * answering 503, no fallback after moderation, a webhook racing the poller, resuming a job after a
 * restart.
 */
class RoutingIntegrationTest extends IntegrationTest {

  static final HttpTimeouts TIMEOUTS =
      new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15));

  @RegisterExtension
  static WireMockExtension platforms =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Autowired
  TransferLog transfers;

  @Autowired
  JdbcClient jdbc;

  @TempDir
  Path dir;

  @Test
  void whenTheFirstRouteAnswers503ThreeTimesTheSecondRouteMakesTheVideo() throws Exception {
    platforms.stubFor(
        post("/v1/videos").willReturn(aResponse().withStatus(503).withBody("overloaded")));
    stubFalJobCompleting("video bytes from fal".getBytes(StandardCharsets.UTF_8));
    var router = router(Duration.ofMillis(10), gateway(), fal());
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());
    var output = dir.resolve("out.mp4");

    router.generate(ticket, request("veo-fast"), progress -> {}, output);

    assertThat(Files.readString(output)).isEqualTo("video bytes from fal");
    platforms.verify(3, postRequestedFor(urlEqualTo("/v1/videos")));
    platforms.verify(1, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
    var log = transfers.of(ticket.generation());
    assertThat(log)
        .extracting(Transfer::provider, Transfer::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Gateway", "provider_unavailable"),
            org.assertj.core.groups.Tuple.tuple("fal.ai", "completed"));
    assertThat(log.get(1).summary()).isEqualTo("Sent to: fal.ai (US) — prompt");
    assertThat(log.get(1).fields())
        .containsExactly("prompt", "duration", "size", "seed", "generate_audio");
    assertThat(jdbc.sql("""
            select requested_model, listed_cost_usd, reported_units, reported_unit
              from provider_transfers where generation_id = ? order by sent_at, id""")
            .param(ticket.generation())
            .query((rs, n) -> List.of(
                rs.getString(1),
                String.valueOf(rs.getBigDecimal(2)),
                String.valueOf(rs.getBigDecimal(3)),
                String.valueOf(rs.getString(4))))
            .list())
        .as("the alias asked for, each route's published price for 8 s, what fal said it billed")
        .containsExactly(
            List.of("veo-fast", "0.8000", "null", "null"),
            List.of("veo-fast", "3.2000", "8.0000", "billable units"));
  }

  @Test
  void aRouteToAModelItsPlatformDoesNotOfferIsPassedOverAndTheNextRouteServes() throws Exception {
    stubFalJobCompleting("video bytes from fal".getBytes(StandardCharsets.UTF_8));
    var router = router(Duration.ofMillis(10), fal());
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());
    var output = dir.resolve("served-by-the-next-route.mp4");

    router.generate(ticket, request("veo-retired"), progress -> {}, output);

    assertThat(Files.readString(output)).isEqualTo("video bytes from fal");
    platforms.verify(0, postRequestedFor(urlEqualTo("/fal-ai/veo2-retired")));
    platforms.verify(1, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
    assertThat(transfers.of(ticket.generation()))
        .extracting(Transfer::provider, Transfer::outcome)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("fal.ai", "completed"));
  }

  @Test
  void skipsARouteWhoseModelCannotServeTheRequest() {
    platforms.stubFor(post("/v1/videos").willReturn(aResponse().withStatus(503)));
    var router = router(Duration.ofMillis(10), gateway(), fal());
    var twelveSeconds = ProviderSpecs.textOnly(
        "veo-fast", "A long take", Duration.ofSeconds(12), new VideoSize(1280, 720), 1);

    assertThatThrownBy(() -> router.generate(
            new GenerationTicket(UUID.randomUUID(), UserId.random()),
            twelveSeconds,
            p -> {},
            dir.resolve("none.mp4")))
        .isInstanceOfSatisfying(
            ProviderFailure.class, f -> assertThat(f.code()).isEqualTo("provider_unavailable"));
    platforms.verify(0, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
  }

  @Test
  void doesNotShopAModeratedRequestAroundOtherRoutes() {
    platforms.stubFor(
        post("/v1/videos").willReturn(okJson("{\"id\":\"video_m\",\"status\":\"queued\"}")));
    platforms.stubFor(get("/v1/videos/video_m").willReturn(okJson("""
        {"id":"video_m","status":"failed","error":{"code":"moderation_blocked","message":"blocked"}}""")));
    var router = router(Duration.ofMillis(10), gateway(), fal());
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());

    assertThatThrownBy(
            () -> router.generate(ticket, request("veo-fast"), p -> {}, dir.resolve("none.mp4")))
        .isInstanceOfSatisfying(
            ProviderFailure.class, f -> assertThat(f.code()).isEqualTo("moderation_blocked"));
    platforms.verify(0, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
    assertThat(transfers.of(ticket.generation()))
        .extracting(Transfer::outcome)
        .containsExactly("moderation_blocked");
  }

  @Test
  void aWebhookWakesThePollerAndRepeatedDeliveriesChangeNothing() throws Exception {
    var secret = "openrouter signing secret";
    var openRouter = new OpenRouterAdapter(
        new ProviderInfo("OpenRouter", "US"),
        platforms.baseUrl() + "/api/v1",
        "or-key",
        "https://kinora.example/providers/webhooks/openrouter",
        secret,
        TIMEOUTS,
        Clock.systemUTC());
    platforms.stubFor(get("/api/v1/videos/models").willReturn(aResponse().withStatus(503)));
    platforms.stubFor(
        post("/api/v1/videos").willReturn(okJson("{\"id\":\"job_w\",\"status\":\"pending\"}")));
    platforms.stubFor(get("/api/v1/videos/job_w")
        .inScenario("job")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"id\":\"job_w\",\"status\":\"in_progress\"}"))
        .willSetStateTo("done"));
    platforms.stubFor(get("/api/v1/videos/job_w")
        .inScenario("job")
        .whenScenarioStateIs("done")
        .willReturn(okJson("{\"id\":\"job_w\",\"status\":\"completed\"}")));
    platforms.stubFor(get(urlPathEqualTo("/api/v1/videos/job_w/content"))
        .willReturn(aResponse().withBody("webhook video")));
    // Polls only once an hour: only the webhook can make this job finish within the test.
    var router = router(Duration.ofHours(1), openRouter);
    var webhooks = new ProviderWebhookController(catalog(openRouter), transfers);
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());
    var output = dir.resolve("webhook.mp4");

    var job = CompletableFuture.runAsync(
        () -> router.generate(ticket, request("veo-3.1"), p -> {}, output));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> transfers.unfinished(ticket.generation()).isPresent());
    var event = """
        {"type":"video.generation.completed","created_at":"2026-11-29T05:00:00Z","data":{"id":"job_w","status":"completed"}}""".getBytes(StandardCharsets.UTF_8);
    var forged = webhooks.receive("openrouter", signed(event, "not the secret"), event);
    var first = webhooks.receive("openrouter", signed(event, secret), event);
    var again = webhooks.receive("openrouter", signed(event, secret), event);
    job.get(30, java.util.concurrent.TimeUnit.SECONDS);

    assertThat(forged.getStatusCode().value()).isEqualTo(401);
    assertThat(first.getStatusCode().value()).isEqualTo(204);
    assertThat(again.getStatusCode().value()).isEqualTo(204);
    assertThat(Files.readString(output)).isEqualTo("webhook video");
    assertThat(transfers.of(ticket.generation()))
        .extracting(Transfer::outcome)
        .containsExactly("completed");
    assertThat(new String(
            platforms
                .findAll(postRequestedFor(urlEqualTo("/api/v1/videos")))
                .getFirst()
                .getBody(),
            StandardCharsets.UTF_8))
        .contains("\"callback_url\"");
  }

  @Test
  void doesNotMakeTheVideoAgainElsewhereWhenOnlyTheDownloadFails() {
    platforms.stubFor(
        post("/v1/videos").willReturn(okJson("{\"id\":\"video_d\",\"status\":\"queued\"}")));
    platforms.stubFor(get("/v1/videos/video_d")
        .willReturn(okJson("{\"id\":\"video_d\",\"status\":\"completed\"}")));
    platforms.stubFor(get("/v1/videos/video_d/content").willReturn(aResponse().withStatus(503)));
    var router = router(Duration.ofMillis(10), gateway(), fal());

    assertThatThrownBy(() -> router.generate(
            new GenerationTicket(UUID.randomUUID(), UserId.random()),
            request("veo-fast"),
            p -> {},
            dir.resolve("none.mp4")))
        .isInstanceOfSatisfying(
            ProviderFailure.class, f -> assertThat(f.code()).isEqualTo("provider_unavailable"));
    platforms.verify(0, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
  }

  @Test
  void resumesAJobSubmittedBeforeARestartInsteadOfSubmittingAgain() throws Exception {
    stubFalJobCompleting("resumed".getBytes(StandardCharsets.UTF_8));
    var fal = fal();
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());
    var route = catalog(fal).routes("veo-fast").getFirst();
    var transfer =
        transfers.sending(ticket, route, request("veo-fast"), List.of("prompt"), List.of());
    transfers.submitted(transfer, new app.kinora.provider.spi.RemoteJob("req-1", "fal-ai/veo3"));

    router(Duration.ofMillis(10), fal)
        .generate(ticket, request("veo-fast"), p -> {}, dir.resolve("resumed.mp4"));

    assertThat(Files.readString(dir.resolve("resumed.mp4"))).isEqualTo("resumed");
    platforms.verify(0, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
    assertThat(transfers.of(ticket.generation()))
        .extracting(Transfer::outcome)
        .containsExactly("completed");
  }

  private void stubFalJobCompleting(byte[] video) {
    platforms.stubFor(post("/fal-ai/veo3/fast").willReturn(okJson("{\"request_id\":\"req-1\"}")));
    platforms.stubFor(get("/fal-ai/veo3/requests/req-1/status")
        .inScenario("fal")
        .whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"status\":\"IN_QUEUE\",\"queue_position\":2}"))
        .willSetStateTo("running"));
    platforms.stubFor(get("/fal-ai/veo3/requests/req-1/status")
        .inScenario("fal")
        .whenScenarioStateIs("running")
        .willReturn(okJson("{\"status\":\"COMPLETED\"}")));
    // fal's result names the quantity it billed in a header, in the endpoint's unit
    platforms.stubFor(get("/fal-ai/veo3/requests/req-1")
        .willReturn(okJson("{\"video\":{\"url\":\"" + platforms.baseUrl() + "/files/req-1.mp4\"}}")
            .withHeader("X-Fal-Billable-Units", "8")));
    platforms.stubFor(get("/files/req-1.mp4").willReturn(aResponse().withBody(video)));
  }

  private OpenAiGatewayAdapter gateway() {
    return new OpenAiGatewayAdapter(
        new ProviderInfo("Gateway", "DE"), platforms.baseUrl() + "/v1", "sk", TIMEOUTS);
  }

  private FalAdapter fal() {
    return new FalAdapter(
        new ProviderInfo("fal.ai", "US"), platforms.baseUrl(), "fal-key", TIMEOUTS);
  }

  @Autowired
  org.springframework.transaction.support.TransactionTemplate transaction;

  private ProviderRouter router(Duration pollInitial, VideoProvider... providers) {
    var properties = properties(pollInitial);
    var catalog = new ModelCatalog(List.of(providers), properties);
    var resilience = new Resilience(properties);
    var pauses = new PlatformPauses(jdbc, java.time.Clock.systemUTC());
    return new ProviderRouter(
        catalog,
        transfers,
        resilience,
        pauses,
        properties,
        new PlatformCapacity(
            new PlatformLimits(Map.of()),
            catalog,
            pauses,
            resilience,
            jdbc,
            transaction,
            properties,
            java.time.Clock.systemUTC()));
  }

  private static ModelCatalog catalog(VideoProvider... providers) {
    return new ModelCatalog(List.of(providers), properties(Duration.ofMillis(10)));
  }

  static ProviderProperties properties(Duration pollInitial) {
    var aliases = Map.of(
        "veo-fast",
            new ProviderProperties.Alias(
                "Veo Fast", null, List.of("openai-gateway:sora-2", "fal:fal-ai/veo3/fast")),
        "veo-3.1", new ProviderProperties.Alias(null, null, List.of("openrouter:google/veo-3.1")),
        "veo-retired",
            new ProviderProperties.Alias(
                null, null, List.of("fal:fal-ai/veo2-retired", "fal:fal-ai/veo3/fast")));
    return new ProviderProperties(
        pollInitial,
        pollInitial.multipliedBy(3),
        Duration.ofHours(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(3),
        3,
        Duration.ofMillis(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        null,
        aliases,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  static VideoSpec<ReferenceMedia> request(String model) {
    return ProviderSpecs.textOnly(
        model, "A quiet harbour at dawn", Duration.ofSeconds(8), new VideoSize(1280, 720), 7);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJson(
      String body) {
    return com.github.tomakehurst.wiremock.client.WireMock.okJson(body);
  }

  private static HttpHeaders signed(byte[] body, String secret) throws Exception {
    var timestamp = String.valueOf(Instant.now().getEpochSecond());
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ",").getBytes(StandardCharsets.UTF_8));
    var headers = new HttpHeaders();
    headers.add(
        "X-OpenRouter-Signature",
        "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body)));
    return headers;
  }
}
