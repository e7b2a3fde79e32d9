package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.billing.BillingProperties;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.TestSpecs;
import app.kinora.provenance.ContentCredentials;
import app.kinora.shared.UserId;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A whole generation on a remote model, through the job, the worker, the router and the checks:
 * the first route keeps answering 503, the second (pricier) makes the video, which is stored once
 * and charged at the quote the user saw.
 */
class RemoteGenerationIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().port(GATEWAY_PORT))
      .build();

  @Autowired
  Generations generations;

  @Autowired
  Providers providers;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ContentCredentials contentCredentials;

  @Autowired
  Resilience resilience;

  @Autowired
  BillingProperties billing;

  @Autowired
  PlatformCosts platformCosts;

  /** The platform's breaker has seen other tests' calls: each test starts from a closed one. */
  @org.junit.jupiter.api.BeforeEach
  void closeBreakers() {
    resilience.forgetRecentCalls();
  }

  @Test
  void fallsBackToTheSecondRouteAfterThree503sAndCompletesOnce() throws Exception {
    var video = realVideo();
    gateway.stubFor(post("/v1/videos")
        .withRequestBody(matchingJsonPath("$.model", equalTo("sora-2")))
        .willReturn(aResponse().withStatus(503).withBody("overloaded")));
    gateway.stubFor(post("/v1/videos")
        .withRequestBody(matchingJsonPath("$.model", equalTo("sora-2-pro")))
        .willReturn(okJson("{\"id\":\"video_pro\",\"object\":\"video\",\"status\":\"queued\"}")));
    gateway.stubFor(get("/v1/videos/video_pro")
        .willReturn(okJson("{\"id\":\"video_pro\",\"status\":\"completed\"}")));
    gateway.stubFor(get("/v1/videos/video_pro/content").willReturn(aResponse().withBody(video)));
    gateway.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete("/v1/videos/video_pro")
        .willReturn(okJson("{\"id\":\"video_pro\",\"deleted\":true}")));
    var owner = UserId.random();

    var generation = generations.submit(
        owner,
        TestSpecs.of("gateway-sora", "A harbour at dawn", "4", "1280x720", null),
        Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() ->
            generations.find(owner, generation.id()).orElseThrow().status().isTerminal());

    var done = generations.find(owner, generation.id()).orElseThrow();
    assertThat(done.status()).as("%s", done.failureIfAny()).isEqualTo(GenerationStatus.COMPLETED);
    try (var stored = generations
        .output(owner, generation.id(), OutputVariant.VIDEO)
        .orElseThrow()
        .getInputStream()) {
      // the platform's video (labelled and signed): its credentials name the downloaded file's
      var downloaded = Files.write(Files.createTempFile("platform-", ".mp4"), video);
      var kept = Files.write(Files.createTempFile("stored-", ".mp4"), stored.readAllBytes());
      try {
        var platformManifest = contentCredentials.read(downloaded).active().label();
        assertThat(contentCredentials.read(kept).active().ingredients())
            .singleElement()
            .satisfies(parent -> assertThat(parent.manifest())
                .hasValueSatisfying(m -> assertThat(m.label()).isEqualTo(platformManifest)));
      } finally {
        Files.delete(downloaded);
        Files.delete(kept);
      }
    }
    gateway.verify(
        3,
        postRequestedFor(urlEqualTo("/v1/videos"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("sora-2"))));
    gateway.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/videos"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("sora-2-pro"))));
    gateway.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor(
            urlEqualTo("/v1/videos/video_pro")));
    assertThat(providers.transfers(generation.id().value()))
        .extracting(Transfer::model, Transfer::outcome)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sora-2", "provider_unavailable"),
            org.assertj.core.groups.Tuple.tuple("sora-2-pro", "completed"));
    assertThat(jdbc.sql("select attempt from generations where id = ?")
            .param(generation.id().value())
            .query(Integer.class)
            .single())
        .isEqualTo(1);
    assertThat(gateway.getAllServeEvents())
        .allSatisfy(event ->
            assertThat(event.getRequest().getBodyAsString()).doesNotContain(owner.toString()));
    assertThat(jdbc.sql(
                "select kind from credit_entries where user_id = ? and kind in ('hold', 'capture', 'release') order by id")
            .param(owner.value())
            .query(String.class)
            .list())
        .as("one hold, captured once, however many routes were tried")
        .containsExactly("hold", "capture");
    // the user saw the first route's price (sora-2, 0.10 USD/s): the pricier route that made the
    // video (sora-2-pro, 0.30 USD/s) costs the operator more, never the user
    var pricing = billing.pricing();
    long quoted = credits(new BigDecimal("0.10"), 4, pricing);
    assertThat(ledgerChange(owner, "hold", "held_change")).isEqualTo(quoted);
    assertThat(-ledgerChange(owner, "capture", "amount"))
        .as("charged the quote, not the fallback route's price")
        .isEqualTo(quoted)
        .isLessThan(credits(new BigDecimal("0.30"), 4, pricing));
    assertThat(platformCosts.since(done.createdAt().minusSeconds(1)))
        .filteredOn(cost -> cost.generation().equals(generation.id().value()))
        .singleElement()
        .satisfies(cost -> {
          assertThat(cost.model()).isEqualTo("gateway-sora");
          assertThat(cost.reportedUsd()).isZero();
          assertThat(cost.estimatedUsd()).isEqualByComparingTo("1.20");
        });
  }

  /** The platform's price as credits: price × seconds × credits per dollar × markup, rounded up. */
  private static long credits(BigDecimal usdPerSecond, int seconds, BillingProperties.Pricing p) {
    return usdPerSecond
        .multiply(BigDecimal.valueOf(seconds))
        .multiply(p.creditsPerUsd())
        .multiply(p.markup())
        .setScale(0, java.math.RoundingMode.CEILING)
        .longValueExact();
  }

  private long ledgerChange(UserId owner, String kind, String column) {
    return jdbc.sql("select " + column + " from credit_entries where user_id = ? and kind = ?")
        .params(owner.value(), kind)
        .query(Long.class)
        .single();
  }

  @Test
  void aCancelledJobIsNoLongerFollowedAndItsCreditsGoBack() throws Exception {
    gateway.stubFor(post("/v1/videos")
        .willReturn(okJson("{\"id\":\"video_slow\",\"object\":\"video\",\"status\":\"queued\"}")));
    gateway.stubFor(get("/v1/videos/video_slow")
        .willReturn(okJson("{\"id\":\"video_slow\",\"status\":\"in_progress\",\"progress\":10}")));
    var polls = getRequestedFor(urlEqualTo("/v1/videos/video_slow")).build();
    var owner = UserId.random();
    var generation = generations.submit(
        owner,
        TestSpecs.of("gateway-sora", "A slow harbour", "4", "1280x720", null),
        Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> gateway.countRequestsMatching(polls).getCount() >= 2);

    assertThat(generations.cancel(owner, generation.id())).isTrue();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> providers.transfers(generation.id().value()).stream()
            .anyMatch(transfer -> "cancelled".equals(transfer.outcome())));
    int seen = gateway.countRequestsMatching(polls).getCount();
    // no longer polled: the count stays put for longer than the pauses between polls had grown to
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> gateway.countRequestsMatching(polls).getCount() == seen);
    var ended = generations.find(owner, generation.id()).orElseThrow();
    assertThat(ended.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(ended.failureIfAny())
        .hasValueSatisfying(failure -> assertThat(failure.isCancellation()).isTrue());
    assertThat(jdbc.sql(
                "select kind from credit_entries where user_id = ? and kind in ('hold', 'capture', 'release') order by id")
            .param(owner.value())
            .query(String.class)
            .list())
        .containsExactly("hold", "release");
  }

  /** A 4 s 1280x720 MP4 made by the local renderer, as a platform would return one. */
  private byte[] realVideo() throws Exception {
    var owner = UserId.random();
    var local = generations.submit(
        owner,
        TestSpecs.of("kinora-local", "Calm sea", "4", "1280x720", 1L),
        Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(90))
        .until(() -> generations.find(owner, local.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    try (var in =
        generations.output(owner, local.id(), OutputVariant.VIDEO).orElseThrow().getInputStream()) {
      return in.readAllBytes();
    }
  }
}
