package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.TestSpecs;
import app.kinora.privacy.AccountClosures;
import app.kinora.privacy.RetentionEngine;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closing an account: confirmed, signed out everywhere, keys revoked, cancelled by signing in, erased after the grace period. */
class AccountClosureIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys apiKeys;

  @Autowired
  AccountClosures closures;

  @Autowired
  RetentionEngine retention;

  @Autowired
  Generations generations;

  @Test
  void closingNeedsThePasswordEndsSessionsRevokesKeysAndSigningInAgainCancelsIt() {
    var session = signedUp("closing.soon@kinora.test", "a long closing passphrase");
    var user = userId("closing.soon@kinora.test");
    var key = apiKeys.create(user, "script");
    assertThat(new ApiClient(baseUrl(), key).get("/v1/videos").status()).isEqualTo(200);

    var wrong = session.submit(
        "/account/close", "/account/close", Map.of("confirmation", "not my password"));
    assertThat(wrong.body()).contains("That is not your password.");
    assertThat(closures.pending(user)).isEmpty();

    var closed = session.submit(
        "/account/close", "/account/close", Map.of("confirmation", "a long closing passphrase"));

    assertThat(closed.url()).contains("/account/closed?on=");
    assertThat(closed.body()).contains("Your account is closed");
    assertThat(closures.pending(user))
        .hasValueSatisfying(at -> assertThat(at).isAfter(Instant.now().plus(Duration.ofDays(13))));
    assertThat(new ApiClient(baseUrl(), key).get("/v1/videos").status())
        .as("API key revoked")
        .isEqualTo(401);
    assertThat(session.get("/account").url()).as("signed out").contains("/login");

    var back = new WebSession(baseUrl())
        .submit(
            "/login",
            "/login",
            Map.of(
                "username", "closing.soon@kinora.test", "password", "a long closing passphrase"));

    assertThat(back.url()).endsWith("/account/closure-cancelled");
    assertThat(closures.pending(user)).isEmpty();
  }

  @Test
  void afterTheGracePeriodEverythingOfTheAccountIsErasedAndTheAuditTrailIsPseudonymised()
      throws Exception {
    var session = signedUp("leaving.for.good@kinora.test", "a long leaving passphrase");
    var user = userId("leaving.for.good@kinora.test");
    var generation = generations.submit(
        user, TestSpecs.of(null, "A farewell sunset", "2", "480x480", null), Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(user, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    var video = generations.output(user, generation.id(), OutputVariant.VIDEO).orElseThrow();
    session.submit(
        "/account/close", "/account/close", Map.of("confirmation", "a long leaving passphrase"));

    retention.runAll(Instant.now().plus(Duration.ofDays(13)));
    assertThat(jdbc.sql("select count(*) from users where id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .as("still within the grace period")
        .isOne();

    retention.runAll(Instant.now().plus(Duration.ofDays(15)));

    assertThat(closures.pending(user)).isEmpty();
    for (var table : new String[] {
      "users", "generations", "account_request_contexts", "api_keys", "policy_acknowledgements"
    }) {
      var column = table.equals("users") ? "id" : "user_id";
      assertThat(jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
              .param(user.value())
              .query(Long.class)
              .single())
          .as(table)
          .isZero();
    }
    assertThat(video.exists()).as("the video file").isFalse();
    assertThat(jdbc.sql("select count(*) from audit_events where subject_user = ? or actor_id = ?")
            .params(user.value(), user.value())
            .query(Long.class)
            .single())
        .as("audit rows still naming the user")
        .isZero();
    assertThat(jdbc.sql("select count(*) from audit_events where action = 'account_closure.erased'")
            .query(Long.class)
            .single())
        .as("the erasure itself is on record")
        .isPositive();
  }

  private WebSession signedUp(String email, String password) {
    new WebSession(baseUrl())
        .submit("/signup", "/signup", form(email, "", password, yearsAgo(30, 0), "FI"));
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", password));
    return session;
  }

  private UserId userId(String email) {
    return new UserId(jdbc.sql("select id from users where email = ?")
        .param(email)
        .query(UUID.class)
        .single());
  }
}
