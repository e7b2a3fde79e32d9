package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.account.ApiKeyAuthentication.Scope;
import app.kinora.account.WebSession;
import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The actuator: health for anyone without details; details, Prometheus and the rest for operators
 * only (signed in, or with an operator's key that may read) — or for anyone reaching the separate
 * management port, when one is configured.
 */
class OperatorEndpointsIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys apiKeys;

  @Autowired
  DataSource dataSource;

  static String text(ApiClient.Reply reply) {
    return new String(reply.raw().body(), StandardCharsets.UTF_8);
  }

  WebSession signedIn(String email, String password) {
    var session = new WebSession(baseUrl());
    assertThat(session
            .submit("/login", "/login", Map.of("username", email, "password", password))
            .url())
        .doesNotContain("/login");
    return session;
  }

  UserId userId(String email) {
    return new UserId(jdbc.sql("select id from users where email_normalized = ?")
        .param(email)
        .query(UUID.class)
        .single());
  }

  @Test
  void anyoneSeesThatKinoraIsUpButNotItsParts() {
    var health = new ApiClient(baseUrl(), null).get("/actuator/health");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asString()).isEqualTo("UP");
    assertThat(health.json().has("components")).as("no details").isFalse();
    assertThat(new ApiClient(baseUrl(), null).get("/actuator/health/liveness").status())
        .isEqualTo(200);
  }

  @Test
  void metricsAnswerOperatorsOnly() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form(
                "metrics.curious@kinora.test",
                "",
                "a long curious passphrase",
                yearsAgo(30, 0),
                "BE"));
    var user = signedIn("metrics.curious@kinora.test", "a long curious passphrase");
    var userKey = apiKeys.create(userId("metrics.curious@kinora.test"), "script");
    var operator = signedIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    var operatorGenerateOnly =
        apiKeys.create(userId(ADMIN_EMAIL), "renders only", EnumSet.of(Scope.GENERATE));

    assertThat(user.get("/actuator/prometheus").status()).as("a user signed in").isEqualTo(403);
    assertThat(new ApiClient(baseUrl(), null).get("/actuator/prometheus").status())
        .as("anonymous")
        .isEqualTo(401);
    var byUserKey = new ApiClient(baseUrl(), userKey).get("/actuator/prometheus");
    assertThat(byUserKey.status()).as("a user's key").isEqualTo(403);
    assertThat(byUserKey.raw().headers().allValues("Set-Cookie"))
        .as("a key makes no session")
        .isEmpty();
    assertThat(new ApiClient(baseUrl(), operatorGenerateOnly)
            .get("/actuator/prometheus")
            .status())
        .as("an operator's key that may not read")
        .isEqualTo(403);
    assertThat(user.get("/actuator/info").status()).isEqualTo(403);
    assertThat(user.get("/actuator/health").body()).doesNotContain("components");

    new WebSession(baseUrl())
        .submit(
            "/login",
            "/login",
            Map.of("username", "metrics.curious@kinora.test", "password", "a wrong one"));
    var scraped = new ApiClient(baseUrl(), ADMIN_API_KEY).get("/actuator/prometheus");
    assertThat(scraped.status()).as("an operator's key, as Prometheus sends it").isEqualTo(200);
    assertThat(text(scraped))
        .contains("jvm_memory_used_bytes", "kinora_signin_refused_total{reason=\"credentials\"}");
    var page = operator.get("/actuator/prometheus");
    assertThat(page.status()).as("an operator signed in").isEqualTo(200);
    assertThat(operator.get("/actuator/health").body()).contains("\"components\"", "\"db\"");
  }

  @Test
  void onASeparateManagementPortTheEndpointsAreOpenThereAndGoneFromTheMainPort() {
    try (var node = OtherNode.start(
        dataSource,
        Map.of("management.server.port", "0", "management.server.address", "127.0.0.1"))) {
      var main = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
      var management =
          "http://127.0.0.1:" + node.getEnvironment().getProperty("local.management.port");

      var scraped = new ApiClient(management, null).get("/actuator/prometheus");
      assertThat(scraped.status()).isEqualTo(200);
      assertThat(text(scraped)).contains("jvm_memory_used_bytes");
      assertThat(new ApiClient(management, null).get("/actuator/health").status())
          .isEqualTo(200);
      assertThat(new ApiClient(main, ADMIN_API_KEY).get("/actuator/prometheus").status())
          .isNotEqualTo(200);
    }
  }
}
