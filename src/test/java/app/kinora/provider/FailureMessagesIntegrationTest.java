package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
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
import app.kinora.account.WebSession;
import app.kinora.billing.CreditLedger;
import app.kinora.provider.spi.FailureCode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Every way a platform can fail, each with the worst words a platform could send (stack traces,
 * heap addresses, HTML), through the API, the studio card and the credits history: what a person
 * reads is a plain sentence every time, the credits all come back, and a submission the platform
 * may have taken is sent exactly once.
 */
class FailureMessagesIntegrationTest extends IntegrationTest {

  /** Library output, addresses, class names and stack lines: none may reach a person. */
  static final Pattern LEAK =
      Pattern.compile("@ 0x|0x[0-9a-f]{6,}|Exception|Traceback|\\bat [\\w$.]+\\(|\\.(java|py):\\d+"
          + "|\\b(java|javax|jakarta|org|com|app|tools)\\.[a-z]+\\.[\\w.$]+"
          + "|\\bmoov atom\\b|<html|\\[[a-z0-9,]+ @");

  private static final String PASSWORD = "failure messages passphrase";

  @RegisterExtension
  static WireMockExtension gateway = WireMockExtension.newInstance()
      .options(wireMockConfig().port(GATEWAY_PORT))
      .build();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  CreditLedger ledger;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Resilience resilience;

  @Test
  void everyFailurePathReadsAsAPlainSentenceAndGivesTheCreditsBack() {
    var email = "failures-" + java.util.UUID.randomUUID() + "@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    var web = new WebSession(baseUrl());
    web.submit("/login", "/login", Map.of("username", email, "password", PASSWORD));
    var startingBalance = ledger.balance(user).balance();
    var read = new LinkedHashMap<String, String>();

    for (var failure : scenarios()) {
      resilience.forgetRecentCalls();
      gateway.resetAll();
      failure.stubs().run();
      var created = api.postJson(
          "/v1/videos",
          Map.of(
              "model",
              "gateway-sora",
              "prompt",
              failure.name(),
              "seconds",
              "4",
              "size",
              "1280x720"));
      assertThat(created.status()).as(failure.name()).isEqualTo(200);
      var id = created.json().path("id").asString();
      var ended = await(failure.name())
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> api.get("/v1/videos/" + id).json(),
              v -> v.path("status").asString().equals("failed"));

      assertThat(ended.path("error").path("code").asString())
          .as(failure.name())
          .isEqualTo(failure.code());
      read.put(failure.name() + " (API)", ended.path("error").path("message").asString());
      read.put(
          failure.name() + " (card)",
          visibleText(web.get("/generations/" + id + "/card").body()));
      if (failure.sentOnce()) {
        assertThat(gateway
                .countRequestsMatching(
                    postRequestedFor(urlEqualTo("/v1/videos")).build())
                .getCount())
            .as("%s: a submission the platform may have taken is never sent again", failure.name())
            .isEqualTo(1);
      }
    }
    read.put("credits history", visibleText(web.get("/credits").body()));
    assertThat(read.get("credits history")).contains(scenarios().getFirst().name());
    Arrays.stream(FailureCode.values()).forEach(code -> read.put(code.code(), code.reason()));

    assertThat(read)
        .allSatisfy((where, text) -> assertThat(text)
            .as("what a person reads: %s", where)
            .isNotBlank()
            .doesNotContainPattern(LEAK));
    assertThat(ledger.balance(user).balance())
        .as("every failed video's credits came back")
        .isEqualTo(startingBalance);
  }

  record Failure(String name, String code, boolean sentOnce, Runnable stubs) {}

  private List<Failure> scenarios() {
    var failures = new ArrayList<Failure>();
    failures.add(new Failure(
        "A refusal with a stack trace",
        "invalid_input",
        false,
        () -> gateway.stubFor(
            post("/v1/videos").willReturn(aResponse().withStatus(400).withBody("""
            {"error":{"type":"invalid_request_error","message":"java.lang.IllegalArgumentException: size\\n\\tat com.example.Gateway.check(Gateway.java:42)"}}""")))));
    failures.add(new Failure(
        "An HTML error page after taking it",
        "unconfirmed",
        true,
        () -> gateway.stubFor(post("/v1/videos")
            .willReturn(aResponse()
                .withStatus(500)
                .withHeader("Content-Type", "text/html")
                .withBody("<html><body>NullPointerException @ 0x7f3a2b10</body></html>")))));
    failures.add(new Failure(
        "A malformed acceptance",
        "unconfirmed",
        true,
        () -> gateway.stubFor(post("/v1/videos")
            .willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\": ")))));
    failures.add(new Failure("A job that crashed", "provider_error", false, () -> {
      accepted("video_crashed");
      gateway.stubFor(get("/v1/videos/video_crashed").willReturn(okJson("""
          {"id":"video_crashed","status":"failed","error":{"code":"internal_error",
           "message":"Traceback (most recent call last):\\n  File \\"worker.py\\", line 12\\nRuntimeError: CUDA @ 0x55d0c0ffee00"}}""")));
    }));
    failures.add(new Failure("A moderated job", "moderation_blocked", false, () -> {
      accepted("video_moderated");
      gateway.stubFor(get("/v1/videos/video_moderated").willReturn(okJson("""
          {"id":"video_moderated","status":"failed","error":{"code":"moderation_blocked",
           "message":"Rejected by safety system (request req_8f2e @ 0x1f2e3d4c5b6a)"}}""")));
    }));
    failures.add(new Failure("A video that is a web page", "invalid_output", false, () -> {
      accepted("video_html");
      completed("video_html");
      gateway.stubFor(
          get("/v1/videos/video_html/content")
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "text/html")
                      .withBody(
                          "<html><body>[mov,mp4,m4a,3gp,3g2,mj2 @ 0x561c73567080] moov atom not found</body></html>")));
    }));
    failures.add(new Failure("A result that expired", "expired", false, () -> {
      accepted("video_gone");
      completed("video_gone");
      gateway.stubFor(get("/v1/videos/video_gone/content")
          .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"message\":\"gone\"}}")));
    }));
    return failures;
  }

  private static void accepted(String id) {
    gateway.stubFor(post("/v1/videos")
        .willReturn(
            okJson("{\"id\":\"%s\",\"object\":\"video\",\"status\":\"queued\"}".formatted(id))));
  }

  private static void completed(String id) {
    gateway.stubFor(get("/v1/videos/" + id)
        .willReturn(okJson("{\"id\":\"%s\",\"status\":\"completed\"}".formatted(id))));
  }

  /** The words a person sees: no scripts, styles or markup. */
  static String visibleText(String html) {
    return html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ")
        .replaceAll("(?s)<[^>]+>", " ")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
