package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import app.kinora.IntegrationTest;
import app.kinora.generation.GenerationId;
import app.kinora.provider.Transfer.SentMedia;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** The transfer log as users and operators see it: summaries, export without hashes, erasure, health. */
class TransferLogIntegrationTest extends IntegrationTest {

  @Autowired
  TransferLog transfers;

  @Autowired
  TransferPersonalData personalData;

  @Autowired
  TransferSummaries summaries;

  @Autowired
  ModelCatalog catalog;

  @Autowired
  ProviderHealth health;

  @Autowired
  Providers providers;

  @Autowired
  PlatformCosts platformCosts;

  @Autowired
  PlatformStatus platformStatus;

  @TempDir
  Path dir;

  @Test
  void logsNamesAndHashesOfWhatWasSentAndSummarisesThem() throws Exception {
    var image = Files.write(dir.resolve("first.png"), new byte[] {1, 2, 3});
    var request = ProviderSpecs.of(
        "gateway-sora",
        "A secret prompt",
        Duration.ofSeconds(4),
        new VideoSize(1280, 720),
        1,
        30,
        true,
        false,
        new ReferenceMedia(image, null, null, null));
    var route = catalog.routes("gateway-sora").getFirst();
    var ticket = new GenerationTicket(UUID.randomUUID(), UserId.random());

    transfers.sending(
        ticket,
        route,
        request,
        ProviderRouter.fieldsSent(request, route),
        ProviderRouter.mediaSent(request));

    var logged = transfers.of(ticket.generation()).getFirst();
    assertThat(logged.fields()).containsExactly("prompt", "duration", "size");
    assertThat(logged.media())
        .containsExactly(new SentMedia(
            "first_frame", "039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81"));
    assertThat(logged.country()).isEqualTo("US");
    assertThat(summaries.of(ticket.generation()))
        .containsExactly("Sent to: Test gateway (US) — prompt, 1 image");
  }

  @Test
  void exportsWithoutHashesOrPlatformIdsAndErases() {
    var user = UserId.random();
    var generation = GenerationId.random();
    var route = catalog.routes("gateway-sora").getFirst();
    var transfer = transfers.sending(
        new GenerationTicket(generation.value(), user),
        route,
        textOnly("gateway-sora", 4),
        List.of("prompt"),
        List.of(new SentMedia("first_frame", "ab".repeat(32))));
    transfers.submitted(
        transfer, new app.kinora.provider.spi.RemoteJob("video_remote_secret_id", ""));
    transfers.reported(transfer, ReportedCost.usd(new BigDecimal("0.123456")));

    var exported = personalData.export(user);
    var export = exported.toString();
    personalData.erase(user);

    @SuppressWarnings("unchecked")
    var rows = (List<Map<String, Object>>) exported.get("transfers");
    assertThat(rows)
        .singleElement()
        .satisfies(row -> assertThat(row.get("video"))
            .as("each row names its video as the API and the generation export do")
            .isEqualTo(generation.apiId()));
    assertThat(export)
        .contains("Test gateway", "first_frame", "prompt")
        .doesNotContain("abab", "video_remote_secret_id", "0.123456");
    assertThat(transfers.ofUser(user)).isEmpty();
    assertThat(personalData.tables()).containsExactly("provider_transfers");
  }

  @Test
  void costsAGenerationAtWhatThePlatformReportedElseAtThePublishedPriceOfWhatItFinished() {
    var owner = UserId.random();
    var since = Instant.now().minusSeconds(1);
    var routes = catalog.routes("gateway-sora");
    // sora-2 at 0.10 per second: refused (503), so it costs nothing and estimates nothing
    var refused = GenerationId.random();
    transfers.finished(send(refused, owner, routes.get(0), 4), "provider_unavailable");
    // sora-2-pro at 0.30 per second: finished, its platform reported no price
    var estimated = transfers.sending(
        new GenerationTicket(refused.value(), owner),
        routes.get(1),
        textOnly("gateway-sora", 4),
        List.of("prompt"),
        List.of());
    transfers.reported(estimated, ReportedCost.units(new BigDecimal("5"), "credits"));
    transfers.finished(estimated, "completed");
    // another generation whose platform reported its price: that price, not the published one
    var reported = GenerationId.random();
    var priced = send(reported, owner, routes.get(1), 8);
    transfers.reported(priced, ReportedCost.usd(new BigDecimal("1.75")));
    transfers.finished(priced, "completed");
    // still running: no estimate yet
    var running = GenerationId.random();
    send(running, owner, routes.get(0), 4);

    var costs = platformCosts.since(since).stream()
        .filter(c ->
            Set.of(refused.value(), reported.value(), running.value()).contains(c.generation()))
        .toList();

    assertThat(costs)
        .extracting(
            PlatformCosts.GenerationCost::generation,
            PlatformCosts.GenerationCost::model,
            c -> c.reportedUsd().stripTrailingZeros(),
            c -> c.estimatedUsd().stripTrailingZeros(),
            PlatformCosts.GenerationCost::reportedUnits)
        .containsExactly(
            tuple(
                refused.value(),
                "gateway-sora",
                BigDecimal.ZERO,
                new BigDecimal("1.2"),
                Map.of("credits", new BigDecimal("5.0000"))),
            tuple(
                reported.value(),
                "gateway-sora",
                new BigDecimal("1.75"),
                BigDecimal.ZERO,
                Map.of()),
            tuple(running.value(), "gateway-sora", BigDecimal.ZERO, BigDecimal.ZERO, Map.of()));
  }

  @Test
  void countsUnconfirmedSubmissionsPerPlatformSinceATime() {
    var route = catalog.routes("gateway-sora").getFirst();
    var since = Instant.now().minusSeconds(1);
    var before = platformStatus.unconfirmedSince(since).getOrDefault("openai-gateway", 0L);
    transfers.finished(send(GenerationId.random(), UserId.random(), route, 4), "unconfirmed");
    transfers.finished(send(GenerationId.random(), UserId.random(), route, 4), "completed");

    assertThat(platformStatus.unconfirmedSince(since)).containsEntry("openai-gateway", before + 1);
    assertThat(platformStatus.unconfirmedSince(Instant.now().plusSeconds(60))).isEmpty();
  }

  private UUID send(GenerationId generation, UserId owner, Route route, int seconds) {
    return transfers.sending(
        new GenerationTicket(generation.value(), owner),
        route,
        textOnly("gateway-sora", seconds),
        List.of("prompt"),
        List.of());
  }

  private static app.kinora.shared.VideoSpec<ReferenceMedia> textOnly(String model, int seconds) {
    return ProviderSpecs.textOnly(
        model, "A quiet harbour", Duration.ofSeconds(seconds), new VideoSize(1280, 720), 7);
  }

  @Test
  void listsTheEnabledPlatformsWithTheirCountries() {
    assertThat(providers.platforms())
        .containsExactlyInAnyOrder(
            new app.kinora.provider.spi.ProviderInfo("Test gateway", "US"),
            new app.kinora.provider.spi.ProviderInfo("Test Veo", "US"));
  }

  @Test
  void showsEachEnabledPlatformToOperators() {
    var report = health.health();

    assertThat(report.getStatus().getCode()).isEqualTo("UP");
    assertThat(report.getDetails()).containsKey("openai-gateway");
    assertThat(report.getDetails().get("openai-gateway").toString())
        .startsWith("Test gateway (US), ")
        .contains("circuit");
  }
}
