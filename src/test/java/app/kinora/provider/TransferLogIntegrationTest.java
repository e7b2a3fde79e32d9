package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.provider.Transfer.SentMedia;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    var route = catalog.routes("gateway-sora").getFirst();
    var transfer = transfers.sending(
        new GenerationTicket(UUID.randomUUID(), user),
        route,
        List.of("prompt"),
        List.of(new SentMedia("first_frame", "ab".repeat(32))));
    transfers.submitted(
        transfer, new app.kinora.provider.spi.RemoteJob("video_remote_secret_id", ""));

    var export = personalData.export(user).toString();
    personalData.erase(user);

    assertThat(export)
        .contains("Test gateway", "first_frame", "prompt")
        .doesNotContain("abab", "video_remote_secret_id");
    assertThat(transfers.ofUser(user)).isEmpty();
    assertThat(personalData.tables()).containsExactly("provider_transfers");
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
