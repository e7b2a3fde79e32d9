package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code reference_images[]}: pictures of a subject or a style, sent to a model that takes them
 * (Veo: up to three "asset" images), refused with a clear error elsewhere, leaving no upload behind.
 */
class ReferenceImagesIntegrationTest extends IntegrationTest {

  private static final String SUBMIT =
      "/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning";
  private static final Map<String, String> VEO = Map.of(
      "model",
      "test-veo",
      "prompt",
      "The same red kite, flying",
      "seconds",
      "4",
      "size",
      "1280x720");

  @RegisterExtension
  static WireMockExtension gemini =
      WireMockExtension.newInstance().options(wireMockConfig().port(VEO_PORT)).build();

  @Autowired
  Generations generations;

  @Autowired
  Providers providers;

  @Autowired
  JdbcClient jdbc;

  private UserId owner;
  private ApiClient api;

  @BeforeEach
  void user() {
    owner = TestAccounts.newUser(jdbc, "USER");
    api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, owner));
  }

  @Test
  void reachVeoAsAssetImagesInOrderAndAreLoggedAsSent() {
    gemini.stubFor(post(SUBMIT)
        .willReturn(okJson("{\"name\":\"models/veo-3.1-fast-generate-preview/operations/ref1\"}")));
    gemini.stubFor(get("/v1beta/models/veo-3.1-fast-generate-preview/operations/ref1")
        .willReturn(okJson(
            "{\"name\":\"models/veo-3.1-fast-generate-preview/operations/ref1\",\"done\":true,"
                + "\"error\":{\"code\":3,\"message\":\"test stops here\"}}")));

    var reply = api.postMultipart(
        "/v1/videos",
        VEO,
        List.of(
            Map.entry("reference_images[]", TestMedia.png(64, 48)),
            Map.entry("reference_images[]", TestMedia.png(32, 32, true))));

    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
    var id = GenerationId.fromApiId(reply.json().path("id").asString());
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> generations.find(owner, id).orElseThrow().status().isTerminal());
    assertThat(generations.find(owner, id).orElseThrow().spec().references().images())
        .hasSize(2);
    gemini.verify(
        1,
        postRequestedFor(urlEqualTo(SUBMIT))
            .withRequestBody(
                matchingJsonPath("$.instances[0].referenceImages.length()", equalTo("2")))
            .withRequestBody(matchingJsonPath(
                "$.instances[0].referenceImages[0].referenceType", equalTo("asset")))
            .withRequestBody(matchingJsonPath(
                "$.instances[0].referenceImages[1].image.mimeType", equalTo("image/png")))
            .withRequestBody(
                matchingJsonPath("$.instances[0].referenceImages[1].image.bytesBase64Encoded")));
    var transfer = providers.transfers(id.value()).getFirst();
    assertThat(transfer.media())
        .extracting(Transfer.SentMedia::name)
        .containsExactly("reference_image", "reference_image");
    assertThat(transfer.summary()).contains("2 images");
  }

  @Test
  void areRefusedWhereTheyCannotBeUsedAndLeaveNoUploadBehind() {
    long uploadsBefore = uploads();

    var local = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "Snow", "seconds", "2", "size", "480x480"),
        List.of(Map.entry("reference_images[]", TestMedia.png(64, 48))));
    var withFirstFrame = api.postMultipart(
        "/v1/videos",
        VEO,
        List.of(
            Map.entry("input_reference", TestMedia.png(64, 48)),
            Map.entry("reference_images[]", TestMedia.png(64, 48))));
    var four = api.postMultipart(
        "/v1/videos",
        VEO,
        List.of(
            Map.entry("reference_images[]", TestMedia.png(8, 8)),
            Map.entry("reference_images[]", TestMedia.png(9, 9)),
            Map.entry("reference_images[]", TestMedia.png(10, 10)),
            Map.entry("reference_images[]", TestMedia.png(11, 11))));
    var sound = api.postMultipart(
        "/v1/videos", VEO, List.of(Map.entry("reference_images[]", TestMedia.wav(1, 44100))));

    assertThat(local.status()).isEqualTo(400);
    assertThat(local.json().path("error").path("param").asString()).isEqualTo("reference_images");
    assertThat(local.json().path("error").path("message").asString())
        .contains("does not take reference images");
    assertThat(withFirstFrame.status()).isEqualTo(400);
    assertThat(withFirstFrame.json().path("error").path("message").asString())
        .contains("cannot be combined");
    assertThat(four.status()).isEqualTo(400);
    assertThat(four.json().path("error").path("message").asString()).contains("at most 3");
    assertThat(sound.status()).as("a sound file is not a picture").isEqualTo(415);
    assertThat(uploads()).as("refused requests keep none of their files").isEqualTo(uploadsBefore);
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(owner.value())
            .query(Long.class)
            .single())
        .isZero();
  }

  private long uploads() {
    return jdbc.sql("select count(*) from media_uploads where user_id = ?")
        .param(owner.value())
        .query(Long.class)
        .single();
  }
}
