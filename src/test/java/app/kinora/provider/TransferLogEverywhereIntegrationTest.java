package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.privacy.PersonalDataInventory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * Where a video's data went, wherever its owner looks (issue 14, item 7): the video's own page, the
 * API's video object (in a list and alone) and the personal-data export, each naming the video. The
 * test gateway has nothing listening, so both routes of {@code gateway-sora} were tried and logged.
 */
class TransferLogEverywhereIntegrationTest extends IntegrationTest {

  private static final String PASSWORD = "a long transfer log passphrase";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Generations generations;

  @Autowired
  PersonalDataInventory inventory;

  @Autowired
  Resilience resilience;

  /** The gateway's breaker has seen other tests' calls: start from a closed one. */
  @BeforeEach
  void closeBreakers() {
    resilience.forgetRecentCalls();
  }

  @Test
  void theVideosPageTheApiAndTheExportSayWhereItsDataWent() {
    var email = "transfers-" + System.nanoTime() + "@kinora.test";
    var owner = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, owner));
    var created = api.postJson(
        "/v1/videos",
        Map.of(
            "model", "gateway-sora",
            "prompt", "A harbour at dawn",
            "seconds", "4",
            "size", "1280x720"));
    assertThat(created.status()).as("%s", created.json()).isEqualTo(200);
    var id = created.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/v1/videos/" + id).json().get("status").asString().equals("failed"));

    var alone = api.get("/v1/videos/" + id).json();
    assertThat(transfers(alone)).hasSize(2).allSatisfy(transfer -> {
      assertThat(transfer.get("platform").asString()).isEqualTo("Test gateway");
      assertThat(transfer.get("country").asString()).isEqualTo("US");
      assertThat(strings(transfer.get("fields"))).containsExactly("prompt", "duration", "size");
      assertThat(strings(transfer.get("files"))).isEmpty();
      assertThat(transfer.get("sent_at").asLong())
          .isBetween(alone.get("created_at").asLong(), alone.get("created_at").asLong() + 120);
    });
    var listed = StreamSupport.stream(api.get("/v1/videos").json().get("data").spliterator(), false)
        .filter(video -> video.get("id").asString().equals(id))
        .findFirst()
        .orElseThrow();
    assertThat(transfers(listed)).isEqualTo(transfers(alone));

    var local = generations.submit(
        owner, TestSpecs.of("kinora-local", "Calm sea", "2", "480x480", 1L), Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(owner, local.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    assertThat(transfers(api.get("/v1/videos/" + local.id().apiId()).json())).isEmpty();

    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
    var failed = GenerationId.fromApiId(id).value();
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> session.get("/library/" + failed).status() == 200);
    assertThat(session.get("/library/" + failed).body())
        .contains("Where its data went", "Sent to: Test gateway (US) — prompt");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> session.get("/library/" + local.id().value()).status() == 200);
    assertThat(session.get("/library/" + local.id().value()).body())
        .contains("Where its data went", "request was sent to another company.")
        .doesNotContain("Sent to:");

    @SuppressWarnings("unchecked")
    var exported = (List<Map<String, Object>>)
        ((Map<String, Object>) inventory.exportOf(owner).get("provider")).get("transfers");
    assertThat(exported).hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("video", id));
  }

  @Test
  void anotherUsersVideoShowsNothingOfItsTransfers() {
    var owner = TestAccounts.newUser(jdbc, "USER");
    var stranger = TestAccounts.newUser(jdbc, "USER");
    var video = generations.submit(
        owner,
        TestSpecs.of("gateway-sora", "A harbour at dusk", "4", "1280x720", null),
        Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(owner, video.id()).orElseThrow().status().isTerminal());

    assertThat(generations.dataSent(owner, List.of(video.id())).get(video.id())).hasSize(2);
    assertThat(generations.dataSent(stranger, List.of(video.id())).get(video.id()))
        .isEmpty();
  }

  private static List<JsonNode> transfers(JsonNode video) {
    assertThat(video.has("transfers")).as("%s", video).isTrue();
    return StreamSupport.stream(video.get("transfers").spliterator(), false).toList();
  }

  private static List<String> strings(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false)
        .map(JsonNode::asString)
        .toList();
  }
}
