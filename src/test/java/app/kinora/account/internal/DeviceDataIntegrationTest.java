package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import app.kinora.privacy.PersonalDataInventory;
import app.kinora.privacy.RetentionEngine;
import app.kinora.shared.UserId;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Device and log data at sign-up, sign-in and generation (in the studio and through the API, on
 * the endpoints the generation and API modules declare); its retention; the profile page.
 */
class DeviceDataIntegrationTest extends IntegrationTest {

  static final String EDGE_ON_ANDROID =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
          + "Chrome/131.0.0.0 Mobile Safari/537.36 EdgA/131.0.2903.87";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys apiKeys;

  @Autowired
  RetentionEngine retention;

  @Autowired
  PersonalDataInventory inventory;

  @Test
  void recordsDeviceLanguageAndReferrerAtSignUpSignInAndGeneration() {
    var session = new WebSession(baseUrl())
        .userAgent(EDGE_ON_ANDROID)
        .header("Referer", "https://search.example/results?q=secret+words&token=abc");
    session.submit(
        "/signup",
        "/signup",
        form("device.data@kinora.test", "", "a long device passphrase", yearsAgo(30, 0), "LT"));
    session.submit(
        "/login",
        "/login",
        Map.of("username", "device.data@kinora.test", "password", "a long device passphrase"));
    var user = new UserId(
        jdbc.sql("select id from users where email_normalized = 'device.data@kinora.test'")
            .query(UUID.class)
            .single());
    var studio = session.get("/").csrf();
    var submitted = session
        .header("HX-Request", "true")
        .post("/generations", Map.of("prompt", "Rain on a tin roof", "seconds", "2"), studio);
    assertThat(submitted.status()).isEqualTo(200);
    assertThat(submitted.body()).contains("Rain on a tin roof");
    var api = new ApiClient(baseUrl(), apiKeys.create(user, "script"));
    assertThat(
            api.postJson("/v1/videos", Map.of("prompt", "Snow on a quiet street", "seconds", "2"))
                .status())
        .isEqualTo(200);
    assertThat(api.get("/v1/videos").status()).as("reading is no generation").isEqualTo(200);

    var rows = jdbc.sql(
            "select * from account_request_contexts where user_id = ? order by created_at")
        .param(user.value())
        .query()
        .listOfRows();
    assertThat(rows)
        .extracting(row -> row.get("activity"))
        .containsExactly("SIGN_UP", "SIGN_IN", "GENERATION", "GENERATION");
    var signUp = rows.getFirst();
    assertThat(signUp.get("ip")).isEqualTo("127.0.0.1");
    assertThat(signUp.get("device_class")).isEqualTo("Phone");
    assertThat((String) signUp.get("browser")).startsWith("Edge");
    assertThat((String) signUp.get("os")).startsWith("Android");
    assertThat(signUp.get("language")).isEqualTo("en-GB");
    assertThat(signUp.get("referrer"))
        .as("no query string: it can carry secrets")
        .isEqualTo("https://search.example/results");

    var export = inventory.exportOf(user).toString();
    assertThat(export).contains("deviceAndLogData", "SIGN_UP", "GENERATION", "LT");
  }

  @Test
  void theIpIsTruncatedAfterItsPeriodAndTheRecordDeletedAfterTheLonger() {
    var user = new UserId(jdbc.sql("select id from users where email_normalized = ?")
        .param(ADMIN_EMAIL)
        .query(UUID.class)
        .single());
    var now = Instant.now();
    var recent = insert(user, "192.0.2.55", now.minus(Duration.ofDays(1)));
    var month = insert(user, "192.0.2.77", now.minus(Duration.ofDays(31)));
    var v6 = insert(user, "2001:db8:abcd:12:34::1", now.minus(Duration.ofDays(40)));
    var old = insert(user, "192.0.2.99", now.minus(Duration.ofDays(400)));

    retention.runAll(now);

    assertThat(ip(recent)).isEqualTo("192.0.2.55");
    assertThat(ip(month)).isEqualTo("192.0.2.0/24");
    assertThat(ip(v6)).isEqualTo("2001:db8:abcd:0:0:0:0:0/48");
    assertThat(jdbc.sql("select count(*) from account_request_contexts where id = ?")
            .param(old)
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void theProfileIsCorrectedByItsOwner() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form(
                "profile.owner@kinora.test",
                "",
                "a long profile passphrase",
                yearsAgo(30, 0),
                "MT"));
    var session = new WebSession(baseUrl());
    session.submit(
        "/login",
        "/login",
        Map.of("username", "profile.owner@kinora.test", "password", "a long profile passphrase"));
    var saved = session.post(
        "/account/profile",
        Map.of("displayName", "Maria Grech", "language", "it"),
        session.get("/account").csrf());

    assertThat(saved.body())
        .contains("Your profile is saved")
        .contains(">MG<")
        .contains("<h1>Maria Grech</h1>")
        .contains("value=\"it\" selected");
    var tooLong = session.post(
        "/account/profile", Map.of("displayName", "x".repeat(81), "language", "it"), saved.csrf());
    assertThat(tooLong.body())
        .contains("Use a display name of 1 to 80 characters")
        .contains("<h1>Maria Grech</h1>");
  }

  private UUID insert(UserId user, String ip, Instant at) {
    var id = UUID.randomUUID();
    jdbc.sql(
            "insert into account_request_contexts (id, user_id, activity, ip, created_at) values (?, ?, 'SIGN_IN', ?, ?)")
        .params(id, user.value(), ip, Timestamp.from(at))
        .update();
    return id;
  }

  private String ip(UUID id) {
    return jdbc.sql("select ip from account_request_contexts where id = ?")
        .param(id)
        .query(String.class)
        .single();
  }
}
