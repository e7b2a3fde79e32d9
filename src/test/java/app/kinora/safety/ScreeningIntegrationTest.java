package app.kinora.safety;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Screening before money and before transfer: a refused prompt holds nothing, keeps no upload,
 * sends nothing to a platform and answers with its category, through the API and the studio
 * alike; strikes suspend; a moderation endpoint that does not answer in time is let through or
 * refused as the operator chose.
 */
class ScreeningIntegrationTest extends SafetyContextTest {

  private static final String PASSWORD = "a long screening passphrase";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  SafetyAdministration safety;

  @Autowired
  PasswordEncoder passwords;

  WireMockServer gateway;

  @BeforeEach
  void stubs() {
    MODERATION.resetAll();
    MODERATION.stubFor(post(urlEqualTo("/v1/moderations")).willReturn(json("""
            {"id": "modr-1", "model": "omni-moderation-latest",
             "results": [{"flagged": false, "categories": {"violence": false}, "category_scores": {"violence": 0.01}}]}""")));
    MODERATION.stubFor(post(urlEqualTo("/v1/moderations"))
        .withRequestBody(containing("harbour ablaze"))
        .willReturn(json("""
            {"id": "modr-2", "model": "omni-moderation-latest",
             "results": [{"flagged": true,
                          "categories": {"violence": true, "violence/graphic": true, "hate": false},
                          "category_scores": {"violence": 0.71, "violence/graphic": 0.93, "hate": 0.0}}]}""")));
    safety.addTerm("violence", "grisly massacre", false);
    safety.changeSettings(false, false);
    gateway = new WireMockServer(WireMockConfiguration.options().port(GATEWAY_PORT));
    gateway.start();
  }

  @AfterEach
  void stopGateway() {
    gateway.stop();
    safety.changeSettings(false, false);
  }

  @Test
  void aBlockedPromptThroughTheApiHoldsNothingKeepsNoUploadAndSendsNothing() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var withFile = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A grisly   MASSACRE at dawn", "seconds", "2", "size", "1280x720"),
        Map.of("input_reference", TestMedia.png(1280, 720)));
    assertThat(withFile.status()).isEqualTo(400);
    assertThat(withFile.json().path("error").path("code").asString())
        .isEqualTo("moderation_blocked");
    assertThat(withFile.json().path("error").path("param").asString()).isEqualTo("prompt");
    assertThat(withFile.json().path("error").path("message").asString())
        .isEqualTo(
            "This request was refused under the site's content policy (violence). Please change the prompt.");

    var remote = api.postJson(
        "/v1/videos",
        Map.of("model", "gateway-sora", "prompt", "The harbour ablaze at night", "seconds", "4"));
    assertThat(remote.status()).isEqualTo(400);
    assertThat(remote.json().path("error").path("code").asString()).isEqualTo("moderation_blocked");
    assertThat(remote.json().path("error").path("message").asString())
        .contains("(violence graphic)");

    assertNothingKept(user);
    assertThat(gateway.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(rows("audit_events where subject_user = ? and action = 'safety.blocked'", user))
        .isEqualTo(2);
    assertThat(jdbc.sql(
                "select details from audit_events where subject_user = ? and action = 'safety.blocked'")
            .param(user.value())
            .query(String.class)
            .list())
        .noneMatch(
            details -> details.toLowerCase().contains("massacre") || details.contains("harbour"));
    assertThat(rows("safety_blocks where user_id = ? and prompt is null", user)).isEqualTo(2);
  }

  @Test
  void aReferenceImageTheModerationEndpointFlagsIsRefusedAndNothingIsKept() {
    MODERATION.stubFor(post(urlEqualTo("/v1/moderations"))
        .withRequestBody(containing("image_url"))
        .willReturn(json("""
            {"id": "modr-4", "model": "omni-moderation-latest",
             "results": [{"flagged": true, "categories": {"sexual": true, "violence": false},
                          "category_scores": {"sexual": 0.88, "violence": 0.02},
                          "category_applied_input_types": {"sexual": ["image"]}}]}""")));
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var refused = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A calm portrait by a window", "seconds", "2", "size", "1280x720"),
        Map.of("input_reference", TestMedia.png(1280, 720)));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").path("code").asString())
        .isEqualTo("moderation_blocked");
    assertThat(refused.json().path("error").path("param").asString()).isEqualTo("input_reference");
    assertThat(refused.json().path("error").path("message").asString())
        .isEqualTo(
            "A reference image was refused under the site's content policy (sexual). Please use another image.");
    assertNothingKept(user);
    assertThat(gateway.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    // the prompt went as text, the image on its own as the sanitised PNG in a data URL
    var sent = MODERATION.findAll(postRequestedFor(urlEqualTo("/v1/moderations")));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getBodyAsString()).contains("A calm portrait by a window");
    assertThat(sent.get(1).getBodyAsString())
        .contains("\"type\":\"image_url\"", "data:image/png;base64,iVBORw0KGgo")
        .doesNotContain("A calm portrait");
    assertThat(rows("safety_blocks where user_id = ? and prompt is null", user)).isOne();
    assertThat(jdbc.sql(
                "select details from audit_events where subject_user = ? and action = 'safety.blocked'")
            .param(user.value())
            .query(String.class)
            .list())
        .containsExactly("category sexual, by moderation-endpoint (image)");
  }

  @Test
  void aReferenceImageThatPassesScreeningGoesAhead() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var accepted = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A calm portrait by a window", "seconds", "2", "size", "1280x720"),
        Map.of("input_reference", TestMedia.png(1280, 720)));

    assertThat(accepted.status()).as(String.valueOf(accepted.json())).isEqualTo(200);
    assertThat(MODERATION.findAll(postRequestedFor(urlEqualTo("/v1/moderations"))))
        .anySatisfy(request -> assertThat(request.getBodyAsString()).contains("image_url"));
    assertThat(rows("credit_entries where user_id = ? and kind = 'hold'", user)).isOne();
  }

  @Test
  void aBlockedPromptInTheStudioShowsTheCategoryOnTheForm() {
    var email = "studio.blocked@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
    var studio = session.get("/").csrf();

    var refused = session
        .header("HX-Request", "true")
        .post("/generations", Map.of("prompt", "a grisly massacre", "seconds", "2"), studio);

    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body())
        .contains("This request was refused under the site&#39;s content policy (violence).");
    assertNothingKept(user);
  }

  @Test
  void repeatedBlocksSuspendTheAccountsSubmissionsAndTheConsoleShowsIt() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    for (int i = 0; i < 3; i++) {
      assertThat(
              api.postJson("/v1/videos", Map.of("prompt", "grisly massacre " + i, "seconds", "2"))
                  .status())
          .isEqualTo(400);
    }
    var clean = api.postJson("/v1/videos", Map.of("prompt", "A quiet meadow", "seconds", "2"));
    assertThat(clean.status()).isEqualTo(403);
    assertThat(clean.json().path("error").path("code").asString())
        .isEqualTo("submissions_suspended");
    assertThat(safety.flags()).anySatisfy(flag -> {
      assertThat(flag.user()).isEqualTo(user);
      assertThat(flag.suspended()).isTrue();
      assertThat(flag.strikes()).isEqualTo(3);
    });
    assertNothingKept(user);

    var operator = new WebSession(baseUrl());
    operator.submit(
        "/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    var console = operator.get("/admin/safety").body();
    assertThat(console).contains(user.value().toString()).contains("videos suspended");
    var page = operator.get("/admin/users/" + user.value());
    assertThat(page.body()).contains("new videos suspended");

    operator.post(
        "/admin/users/" + user.value() + "/submissions",
        Map.of("action", "allow", "reason", "Reviewed: a film about history"),
        page.csrf());
    assertThat(api.postJson("/v1/videos", Map.of("prompt", "A quiet meadow", "seconds", "2"))
            .status())
        .isEqualTo(200);
  }

  @Test
  void aModerationEndpointThatTimesOutIsLetThroughWhenFailOpenAndRefusedWhenFailClosed() {
    MODERATION.resetAll();
    MODERATION.stubFor(
        post(urlEqualTo("/v1/moderations")).willReturn(json("""
            {"id": "modr-3", "results": [{"flagged": false, "categories": {}, "category_scores": {}}]}""").withFixedDelay(2_000)));
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    safety.changeSettings(false, false);
    var open = api.postJson("/v1/videos", Map.of("prompt", "Rain on the sea", "seconds", "2"));
    assertThat(open.status()).as(String.valueOf(open.json())).isEqualTo(200);
    assertThat(rows("credit_entries where user_id = ? and kind = 'hold'", user)).isEqualTo(1);

    safety.changeSettings(true, false);
    var closed = api.postJson("/v1/videos", Map.of("prompt", "Snow on the sea", "seconds", "2"));
    assertThat(closed.status()).isEqualTo(503);
    assertThat(closed.json().path("error").path("code").asString())
        .isEqualTo("moderation_unavailable");
    assertThat(rows("credit_entries where user_id = ? and kind = 'hold'", user)).isEqualTo(1);
    assertThat(rows("generations where user_id = ?", user)).isEqualTo(1);
    assertThat(rows(
            "audit_events where subject_user = ? and action = 'safety.screener_unavailable'", user))
        .isEqualTo(2);
    // not a strike: the user did nothing wrong
    assertThat(rows("safety_blocks where user_id = ?", user)).isZero();
  }

  @Test
  void thePrivacyPolicysListOfRecipientsNamesTheModerationEndpoint() {
    var page = new WebSession(baseUrl()).get("/privacy/subprocessors").body();
    assertThat(page)
        .contains("Test moderation")
        .contains(
            "Checks prompts and reference images against this site&#39;s content policy before a video is made")
        .contains("Ireland");
  }

  private void assertNothingKept(UserId user) {
    assertThat(rows("credit_entries where user_id = ? and kind = 'hold'", user)).isZero();
    assertThat(rows("generations where user_id = ?", user)).isZero();
    assertThat(rows("media_uploads where user_id = ?", user)).isZero();
    assertThat(rows("provider_transfers where user_id = ?", user)).isZero();
  }

  private long rows(String from, UserId user) {
    return jdbc.sql("select count(*) from " + from)
        .param(user.value())
        .query(Long.class)
        .single();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }
}
