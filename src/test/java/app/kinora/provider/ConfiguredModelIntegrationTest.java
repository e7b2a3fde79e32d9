package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import app.kinora.account.WebSession;
import app.kinora.provenance.TestVideos;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A model declared only in configuration ({@code kinora.provider.openai-gateway.models[0]}, id
 * {@code cinema-1}, behind the alias {@code gateway-cinema}; see {@link IntegrationTest}): the
 * studio and {@code /v1/videos} offer it, and it renders through the gateway's stub, which is asked
 * for exactly that model. The alias's first route names a model the gateway does not offer: the
 * operator sees it on the platforms page, and the second route serves.
 */
class ConfiguredModelIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().port(GATEWAY_PORT))
      .build();

  @Autowired
  Resilience resilience;

  @TempDir
  Path dir;

  /** The platform's breaker has seen other tests' calls: each test starts from a closed one. */
  @BeforeEach
  void closeBreakers() {
    resilience.forgetRecentCalls();
  }

  @Test
  void theStudioOffersTheConfiguredModelWithItsConfiguredChoices() {
    var operator = signedInOperator();

    var studio = operator.get("/");
    var options = operator.get("/generations/options?model=gateway-cinema");

    assertThat(studio.body())
        .contains("name=\"model\" value=\"gateway-cinema\"", ">Cinema One</strong>");
    assertThat(options.status()).isEqualTo(200);
    assertThat(options.body())
        .contains("value=\"4\"", "value=\"8\"", "value=\"1280x720\"", "value=\"720x1280\"")
        .doesNotContain("value=\"6\"", "value=\"1920x1080\"");
  }

  @Test
  void theApiTakesTheConfiguredModelAndItRendersThroughThePlatformAskedForThatModel()
      throws Exception {
    var video = Files.readAllBytes(TestVideos.mp4(dir.resolve("cinema.mp4"), 1280, 720, 4));
    gateway.stubFor(post("/v1/videos")
        .withRequestBody(matchingJsonPath("$.model", equalTo("cinema-1")))
        .willReturn(
            okJson("{\"id\":\"video_cinema\",\"object\":\"video\",\"status\":\"queued\"}")));
    gateway.stubFor(get("/v1/videos/video_cinema")
        .willReturn(okJson("{\"id\":\"video_cinema\",\"status\":\"completed\"}")));
    gateway.stubFor(get("/v1/videos/video_cinema/content")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
    gateway.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.delete("/v1/videos/video_cinema")
            .willReturn(okJson("{\"id\":\"video_cinema\",\"deleted\":true}")));
    var api = new ApiClient(baseUrl(), ADMIN_API_KEY);

    var refused = api.postJson(
        "/v1/videos",
        Map.of(
            "model", "gateway-cinema", "prompt", "A cinema", "seconds", "6", "size", "1280x720"));
    var created = api.postJson(
        "/v1/videos",
        Map.of(
            "model",
            "gateway-cinema",
            "prompt",
            "A cinema at night",
            "seconds",
            "4",
            "size",
            "1280x720"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("message").asString()).contains("4 or 8");
    assertThat(created.status()).as(String.valueOf(created.json())).isEqualTo(200);
    assertThat(created.json().path("model").asString()).isEqualTo("gateway-cinema");
    var id = created.json().path("id").asString();
    await().atMost(Duration.ofSeconds(60)).until(() -> {
      var status = api.get("/v1/videos/" + id).json().path("status").asString();
      return status.equals("completed") || status.equals("failed");
    });
    var done = api.get("/v1/videos/" + id).json();
    assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("completed");
    var file = dir.resolve("downloaded.mp4");
    assertThat(api.download("/v1/videos/" + id + "/content", file).statusCode()).isEqualTo(200);
    assertThat(Files.size(file)).isPositive();
    gateway.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/videos"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("cinema-1")))
            .withRequestBody(matchingJsonPath("$.seconds", equalTo("4")))
            .withRequestBody(matchingJsonPath("$.prompt", equalTo("A cinema at night"))));
    gateway.verify(
        0,
        postRequestedFor(urlEqualTo("/v1/videos"))
            .withRequestBody(matchingJsonPath("$.model", equalTo("sora-1"))));
  }

  @Test
  void thePlatformsPageNamesTheRouteToAModelThePlatformDoesNotOffer() {
    var page = signedInOperator().get("/admin/platforms");

    assertThat(page.status()).isEqualTo(200);
    var section = page.body().substring(page.body().indexOf("id=\"unknown-routes\""));
    assertThat(section)
        .contains("Routes to models their platform does not offer")
        .contains("<td>gateway-cinema</td>", "<td>openai-gateway:sora-1</td>")
        .contains("<td>sora-2, sora-2-pro, cinema-1</td>");
  }

  private WebSession signedInOperator() {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    return session;
  }
}
