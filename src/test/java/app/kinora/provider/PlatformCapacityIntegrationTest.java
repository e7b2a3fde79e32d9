package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.provider.adapter.FalAdapter;
import app.kinora.provider.adapter.OpenAiGatewayAdapter;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.VideoProvider;
import app.kinora.shared.UserId;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The per-platform cap on concurrent jobs, against the real transfer log and WireMock platforms:
 * a full platform is skipped for the model's next route; when every route is full nothing is
 * sent and the job is told to wait; two nodes on one database never both take the last place.
 * The caps are set relative to the jobs the shared database already has in flight.
 */
class PlatformCapacityIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension platforms =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Autowired
  TransferLog transfers;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  TransactionTemplate transaction;

  @TempDir
  Path dir;

  private final ProviderProperties properties =
      RoutingIntegrationTest.properties(Duration.ofMillis(10));

  @Test
  void aFullPlatformIsSkippedForTheModelsNextRoute() throws Exception {
    var gateway = gateway();
    var catalog = new ModelCatalog(List.of(gateway, fal()), properties);
    var limits =
        new PlatformLimits(Map.of("openai-gateway", inFlight(catalog, "openai-gateway") + 1));
    occupy(catalog, "openai-gateway");
    stubFalJobCompleting("video bytes from fal".getBytes(StandardCharsets.UTF_8));
    var router = router(catalog, limits);
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());

    router.generate(
        ticket, RoutingIntegrationTest.request("veo-fast"), p -> {}, dir.resolve("out.mp4"));

    assertThat(Files.readString(dir.resolve("out.mp4"))).isEqualTo("video bytes from fal");
    platforms.verify(0, postRequestedFor(urlEqualTo("/v1/videos")));
    platforms.verify(1, postRequestedFor(urlEqualTo("/fal-ai/veo3/fast")));
    assertThat(transfers.of(ticket.generation()))
        .extracting(Transfer::provider)
        .containsExactly("fal.ai");
  }

  @Test
  void whenEveryRouteIsFullNothingIsSentAndTheJobWaitsUntilAPlaceIsFree() {
    var catalog = new ModelCatalog(List.of(gateway(), fal()), properties);
    var limits = new PlatformLimits(Map.of(
        "openai-gateway", inFlight(catalog, "openai-gateway") + 1,
        "fal", inFlight(catalog, "fal") + 1));
    occupy(catalog, "openai-gateway");
    var falJob = occupy(catalog, "fal");
    var router = router(catalog, limits);
    var capacity = capacity(catalog, limits);
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());

    assertThat(capacity.hasRoomFor("veo-fast")).isFalse();
    assertThatThrownBy(() -> router.generate(
            ticket, RoutingIntegrationTest.request("veo-fast"), p -> {}, dir.resolve("no.mp4")))
        .isInstanceOf(PlatformsFull.class);
    platforms.verify(0, anyRequestedFor(anyUrl()));
    assertThat(transfers.of(ticket.generation())).isEmpty();

    transfers.finished(falJob, "completed");
    assertThat(capacity.hasRoomFor("veo-fast")).isTrue();
    assertThat(capacity(catalog, new PlatformLimits(Map.of())).hasRoomFor("veo-fast"))
        .as("no cap, always room")
        .isTrue();
  }

  @Test
  void twoNodesOnOneDatabaseNeverBothTakeTheLastPlace() throws Exception {
    var catalog = new ModelCatalog(List.of(gateway(), fal()), properties);
    var limits = new PlatformLimits(Map.of("fal", inFlight(catalog, "fal") + 1));
    var nodes = List.of(capacity(catalog, limits), capacity(catalog, limits));
    var route = route(catalog, "fal");
    var start = new CountDownLatch(1);
    var tries = new ArrayList<Callable<Boolean>>();
    for (int i = 0; i < 12; i++) {
      var node = nodes.get(i % 2);
      tries.add(() -> {
        start.await();
        return node.claim(
                "fal", () -> transfers.sending(ticket(), route, SPEC, List.of("prompt"), List.of()))
            .isPresent();
      });
    }
    try (var pool = Executors.newFixedThreadPool(12)) {
      var results = tries.stream().map(pool::submit).toList();
      start.countDown();
      long taken = 0;
      for (var result : results) {
        taken += result.get() ? 1 : 0;
      }
      assertThat(taken).isOne();
    }
  }

  private int inFlight(ModelCatalog catalog, String platform) {
    return capacity(catalog, new PlatformLimits(Map.of())).inFlight(platform);
  }

  /** A job of another generation in flight on the platform, as another node would have it. */
  private UUID occupy(ModelCatalog catalog, String platform) {
    return transfers.sending(
        ticket(), route(catalog, platform), SPEC, List.of("prompt"), List.of());
  }

  /** What the occupying jobs were asked: only their model and length matter to the log. */
  private static final app.kinora.shared.VideoSpec<?> SPEC = app.kinora.shared.VideoSpec.builder()
      .model("some-alias")
      .prompt("A job in flight")
      .duration(java.time.Duration.ofSeconds(4))
      .build();

  private static GenerationTicket ticket() {
    return new GenerationTicket(UUID.randomUUID(), UserId.random());
  }

  private static Route route(ModelCatalog catalog, String platform) {
    return catalog.routes("veo-fast").stream()
        .filter(route -> route.providerId().equals(platform))
        .findFirst()
        .orElseThrow();
  }

  private PlatformCapacity capacity(ModelCatalog catalog, PlatformLimits limits) {
    return new PlatformCapacity(
        limits,
        catalog,
        new PlatformPauses(jdbc, Clock.systemUTC()),
        new Resilience(properties),
        jdbc,
        transaction,
        properties,
        Clock.systemUTC());
  }

  private ProviderRouter router(ModelCatalog catalog, PlatformLimits limits) {
    return new ProviderRouter(
        catalog,
        transfers,
        new Resilience(properties),
        new PlatformPauses(jdbc, Clock.systemUTC()),
        properties,
        capacity(catalog, limits));
  }

  private static VideoProvider gateway() {
    return new OpenAiGatewayAdapter(
        new ProviderInfo("Gateway", "DE"),
        platforms.baseUrl() + "/v1",
        "sk",
        RoutingIntegrationTest.TIMEOUTS);
  }

  private static VideoProvider fal() {
    return new FalAdapter(
        new ProviderInfo("fal.ai", "US"),
        platforms.baseUrl(),
        "fal-key",
        RoutingIntegrationTest.TIMEOUTS);
  }

  private static void stubFalJobCompleting(byte[] video) {
    platforms.stubFor(post("/fal-ai/veo3/fast").willReturn(okJson("{\"request_id\":\"cap-1\"}")));
    platforms.stubFor(
        get("/fal-ai/veo3/requests/cap-1/status").willReturn(okJson("{\"status\":\"COMPLETED\"}")));
    platforms.stubFor(get("/fal-ai/veo3/requests/cap-1")
        .willReturn(
            okJson("{\"video\":{\"url\":\"" + platforms.baseUrl() + "/files/cap-1.mp4\"}}")));
    platforms.stubFor(get("/files/cap-1.mp4").willReturn(aResponse().withBody(video)));
  }
}
