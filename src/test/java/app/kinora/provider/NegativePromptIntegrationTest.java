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
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.Generations;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A negative prompt goes to a model that takes one, is kept with the generation, and is refused elsewhere. */
class NegativePromptIntegrationTest extends IntegrationTest {

  private static final String SUBMIT =
      "/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning";

  @RegisterExtension
  static WireMockExtension gemini =
      WireMockExtension.newInstance().options(wireMockConfig().port(VEO_PORT)).build();

  @Autowired
  Generations generations;

  @Autowired
  Providers providers;

  @Autowired
  JdbcClient jdbc;

  @Test
  void reachesVeoAsItsNegativePromptAndIsLoggedAsSent() {
    gemini.stubFor(post(SUBMIT)
        .willReturn(okJson("{\"name\":\"models/veo-3.1-fast-generate-preview/operations/neg1\"}")));
    gemini.stubFor(get("/v1beta/models/veo-3.1-fast-generate-preview/operations/neg1")
        .willReturn(okJson(
            "{\"name\":\"models/veo-3.1-fast-generate-preview/operations/neg1\",\"done\":true,"
                + "\"error\":{\"code\":3,\"message\":\"test stops here\"}}")));
    var owner = TestAccounts.newUser(jdbc, "USER");

    var generation = generations.submit(
        owner,
        VideoSpec.<GenerationReferences>builder()
            .model("test-veo")
            .prompt("A fox in the snow")
            .negativePrompt("  blurry, text, watermarks ")
            .duration(Duration.ofSeconds(4))
            .size(new VideoSize(1280, 720))
            .references(GenerationReferences.NONE)
            .build(),
        Attachment.Files.NONE);

    assertThat(generation.spec().negativePrompt()).isEqualTo("blurry, text, watermarks");
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() ->
            generations.find(owner, generation.id()).orElseThrow().status().isTerminal());
    gemini.verify(
        1,
        postRequestedFor(urlEqualTo(SUBMIT))
            .withRequestBody(matchingJsonPath(
                "$.parameters.negativePrompt", equalTo("blurry, text, watermarks")))
            .withRequestBody(
                matchingJsonPath("$.instances[0].prompt", equalTo("A fox in the snow"))));
    assertThat(providers.transfers(generation.id().value()))
        .singleElement()
        .satisfies(transfer -> assertThat(transfer.fields()).contains("prompt", "negative_prompt"));
    assertThat(generations.find(owner, generation.id()).orElseThrow().spec().negativePrompt())
        .isEqualTo("blurry, text, watermarks");
  }

  @Test
  void isRefusedForAModelThatDoesNotTakeOneAndNothingIsCharged() {
    var owner = TestAccounts.newUser(jdbc, "USER");
    var key = TestAccounts.apiKey(jdbc, owner);
    long before = jdbc.sql("select count(*) from generations where user_id = ?")
        .param(owner.value())
        .query(Long.class)
        .single();

    var local = new ApiClient(baseUrl(), key)
        .postJson(
            "/v1/videos",
            Map.of("prompt", "Snow", "seconds", "2", "size", "480x480", "negative_prompt", "rain"));
    var tooLong = new ApiClient(baseUrl(), key)
        .postJson(
            "/v1/videos",
            Map.of(
                "model",
                "test-veo",
                "prompt",
                "Snow",
                "seconds",
                "4",
                "size",
                "1280x720",
                "negative_prompt",
                "x".repeat(1001)));

    assertThat(local.status()).isEqualTo(400);
    assertThat(local.json().path("error").path("param").asString()).isEqualTo("negative_prompt");
    assertThat(local.json().path("error").path("message").asString())
        .contains("does not take a negative prompt");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.json().path("error").path("code").asString())
        .isEqualTo("negative_prompt_too_long");
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(owner.value())
            .query(Long.class)
            .single())
        .isEqualTo(before);
    assertThat(jdbc.sql("select count(*) from credit_entries where user_id = ? and kind = 'hold'")
            .param(owner.value())
            .query(Long.class)
            .single())
        .isZero();
  }
}
