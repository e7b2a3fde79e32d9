package app.kinora.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.OtherNode;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationAdministration;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fair use: the rate limits are kept in the database, so two nodes count against the same
 * buckets and both answer 429 with {@code Retry-After}; and one worker serves a second account's
 * single job before the first account's twenty queued ones.
 */
class FairUseIntegrationTest extends SafetyContextTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Generations generations;

  @Autowired
  GenerationAdministration console;

  @Test
  void twoNodesSharingTheDatabaseRefuseTheSubmissionOverTheLimitWith429AndRetryAfter() {
    var user = TestAccounts.newUser(jdbc, "USER");
    // no credits: every submission is refused after taking its token, so nothing is queued
    var balance = ledger.balance(user).available();
    ledger.adjust(user, Credits.ZERO.minus(balance), "Emptied for a rate limit test", "test");
    var key = TestAccounts.apiKey(jdbc, user);
    try (var other = OtherNode.start(
        dataSource,
        Map.of(
            "kinora.safety.limits.per-account-per-minute", "25",
            "kinora.safety.limits.per-api-key-per-minute", "25",
            "kinora.safety.limits.per-address-per-minute", "1000000",
            "kinora.safety.limits.sign-ups-per-address-per-hour", "3",
            "kinora.jobs.threads", "1"))) {
      var here = new ApiClient(baseUrl(), key);
      var there = new ApiClient(
          "http://localhost:"
              + ((WebServerApplicationContext) other).getWebServer().getPort(),
          key);
      for (int i = 0; i < 25; i++) {
        var client = i % 2 == 0 ? here : there;
        var reply = client.postJson("/v1/videos", Map.of("prompt", "Dunes " + i, "seconds", "2"));
        assertThat(reply.status()).as("submission %d", i).isEqualTo(402);
      }
      for (var client : new ApiClient[] {here, there}) {
        var refused = client.postJson("/v1/videos", Map.of("prompt", "One more", "seconds", "2"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().path("error").path("code").asString())
            .isEqualTo("rate_limit_exceeded");
        assertThat(refused.json().path("error").path("message").asString())
            .startsWith("Too many videos asked for");
        var retryAfter = refused.raw().headers().firstValue("Retry-After").orElseThrow();
        assertThat(Long.parseLong(retryAfter)).isBetween(1L, 60L);
      }

      // sign-ups from one address: three between the two nodes, then both refuse
      var otherBase = "http://localhost:"
          + ((WebServerApplicationContext) other).getWebServer().getPort();
      assertThat(signUp(baseUrl(), "first.signup@kinora.test").status()).isEqualTo(200);
      assertThat(signUp(otherBase, "second.signup@kinora.test").status()).isEqualTo(200);
      assertThat(signUp(baseUrl(), "third.signup@kinora.test").status()).isEqualTo(200);
      for (var base : new String[] {otherBase, baseUrl()}) {
        var refused = signUp(base, "one.too.many@kinora.test");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body())
            .contains("Too many accounts were opened from this network address.");
      }
      assertThat(jdbc.sql(
                  "select count(*) from users where email_normalized like '%.signup@kinora.test'")
              .query(Long.class)
              .single())
          .isEqualTo(3);
      assertThat(jdbc.sql(
                  "select count(*) from users where email_normalized = 'one.too.many@kinora.test'")
              .query(Long.class)
              .single())
          .isZero();
    }
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void withOneWorkerAnotherAccountsSingleJobStartsBeforeTheFirstAccountsTwentyQueuedJobs()
      throws InterruptedException {
    awaitIdleWorkers();
    var a = TestAccounts.newUser(jdbc, "USER");
    var b = TestAccounts.newUser(jdbc, "USER");
    ledger.grant(a, Credits.of(100_000), "Fair queue test", "test");
    var queuedByA = new ArrayList<GenerationId>();
    for (int i = 0; i < 20; i++) {
      queuedByA.add(generations
          .submit(
              a,
              TestSpecs.of("kinora-local", "Waves " + i, "8", "1280x720", 1L),
              Attachment.Files.NONE)
          .id());
    }
    var single = generations
        .submit(
            b,
            TestSpecs.of("kinora-local", "A lighthouse", "2", "1280x720", 1L),
            Attachment.Files.NONE)
        .id();
    try {
      org.awaitility.Awaitility.await("B's job started")
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> startedAt(single) != null);
      var startedBefore = jdbc.sql("""
              select count(*) from generations where user_id = ? and started_at is not null and started_at < ?""")
          .param(a.value())
          .param(java.sql.Timestamp.from(startedAt(single)))
          .query(Long.class)
          .single();
      assertThat(startedBefore).as("A's jobs started before B's").isEqualTo(1);
    } finally {
      console.cancelAll(a);
      console.cancelAll(b);
    }
  }

  private static app.kinora.account.WebSession.Page signUp(String base, String email) {
    return new app.kinora.account.WebSession(base)
        .submit(
            "/signup",
            "/signup",
            Map.of(
                "email", email,
                "displayName", "",
                "password", "a long fair use passphrase",
                "birthDate", java.time.LocalDate.now().minusYears(30).toString(),
                "country", "SE",
                "acceptsTerms", "true"));
  }

  private Instant startedAt(GenerationId id) {
    return jdbc.sql("select started_at from generations where id = ?")
        .param(id.value())
        .query(java.sql.Timestamp.class)
        .optional()
        .map(java.sql.Timestamp::toInstant)
        .orElse(null);
  }

  private void awaitIdleWorkers() {
    org.awaitility.Awaitility.await("no video queued or running")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() ->
            jdbc.sql("select count(*) from generations where status in ('QUEUED', 'IN_PROGRESS')")
                    .query(Long.class)
                    .single()
                == 0);
  }
}
