package app.kinora.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.audit.AuditTrail;
import app.kinora.billing.CreditLedger;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The console's changes, through its pages as an operator makes them: suspend (signed out, no
 * sign-in, no API, running videos stopped and refunded) and reinstate, stop a video, run a failed
 * one again at no cost, pause a platform on every node, and open a case to see what an account
 * asked for — each audited with its reason.
 */
class ConsoleActionsIntegrationTest extends IntegrationTest {

  private static final String PASSWORD = "a long console actions passphrase";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  Generations generations;

  @Autowired
  CreditLedger ledger;

  @Autowired
  AuditTrail audit;

  @Test
  void suspendingSignsTheUserOutStopsTheirVideosWithARefundAndRefusesSignInAndApiUntilReinstated() {
    var email = "to.suspend@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode(PASSWORD));
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    var own = signIn(email, PASSWORD);
    assertThat(own.get("/credits").url()).endsWith("/credits");
    long available = ledger.balance(user).available().value();
    var running = generations.submit(
        user,
        TestSpecs.of("kinora-local", "A long night drive", "20", "1920x1080", 7L),
        Attachment.Files.NONE);

    var operator = operator();
    var page = operator.get("/admin/users/" + user.value());
    var done = operator.post(
        "/admin/users/" + user.value() + "/suspend",
        Map.of("reason", "Abuse report 42"),
        page.csrf());
    assertThat(done.body())
        .contains("Suspended. Signed out everywhere; 1 running videos stopped and refunded.");

    assertThat(status(running.id())).isEqualTo("FAILED");
    assertThat(jdbc.sql("select error_code from generations where id = ?")
            .param(running.id().value())
            .query(String.class)
            .single())
        .isEqualTo("cancelled");
    assertThat(ledger.balance(user).available().value()).isEqualTo(available);
    assertThat(own.get("/credits").url()).contains("/login");
    assertThat(signIn(email, PASSWORD).get("/credits").url()).contains("/login");
    assertThat(api.get("/v1/videos").status()).isEqualTo(401);
    assertThat(audit.about(user)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("admin.account_suspended");
      assertThat(e.details()).contains("reason: Abuse report 42");
    });

    page = operator.get("/admin/users/" + user.value());
    assertThat(page.body()).contains("Suspended");
    operator.post(
        "/admin/users/" + user.value() + "/reinstate",
        Map.of("reason", "Report was mistaken"),
        page.csrf());
    assertThat(signIn(email, PASSWORD).get("/credits").url()).endsWith("/credits");
    assertThat(api.get("/v1/videos").status()).isEqualTo(200);
  }

  @Test
  void aChangeWithoutAReasonChangesNothing() {
    var user = TestAccounts.newUser(jdbc, "USER");
    long available = ledger.balance(user).available().value();
    var operator = operator();
    var page = operator.get("/admin/users/" + user.value());
    var refused = operator.post(
        "/admin/users/" + user.value() + "/credits",
        Map.of("amount", "50", "reason", "  "),
        page.csrf());
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.body())
        .contains("Give a reason: it is kept with the change in the audit log.");
    assertThat(ledger.balance(user).available().value()).isEqualTo(available);
    var taken = operator.post(
        "/admin/credits",
        Map.of(
            "email", "user-" + user + "@kinora.test", "amount", "-5", "reason", "Duplicate grant"),
        page.csrf());
    assertThat(taken.body()).contains("Took 5 credits from");
    assertThat(ledger.balance(user).available().value()).isEqualTo(available - 5);
  }

  @Test
  void anOperatorStopsAVideoAndRunsAFailedOneAgainAtNoCost() {
    var user = TestAccounts.newUser(jdbc, "USER");
    // nothing listens on the test gateway: the video fails on both its routes
    var failed = generations
        .submit(
            user,
            TestSpecs.of("gateway-sora", "A harbour at dawn", "4", "1280x720", null),
            Attachment.Files.NONE)
        .id();
    await().atMost(Duration.ofSeconds(60)).until(() -> status(failed).equals("FAILED"));
    long before = ledger.balance(user).available().value();

    var operator = operator();
    var list = operator.get("/admin/generations?status=FAILED&email=user-" + user + "@kinora.test");
    assertThat(list.body()).contains("Run again free").doesNotContain("A harbour at dawn");
    var again = operator.post(
        "/admin/generations/" + failed.value() + "/retry",
        Map.of("reason", "Platform outage, not the user's fault"),
        list.csrf());
    assertThat(again.body()).contains("at no cost to its owner.");
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isEqualTo(2);
    // the price came back as an adjustment, and the new video's hold is exactly that price
    var given = jdbc.sql(
            "select amount from credit_entries where user_id = ? and kind = 'adjustment'")
        .param(user.value())
        .query(Long.class)
        .single();
    var newHold = jdbc.sql("""
            select held_change from credit_entries where user_id = ? and kind = 'hold' and hold_id <> ?""")
        .param(user.value())
        .param(failed.value())
        .query(Long.class)
        .single();
    assertThat(given).isPositive().isEqualTo(newHold);
    assertThat(ledger.balance(user).balance().value()).isGreaterThanOrEqualTo(before);
    assertThat(
            jdbc.sql("select reason from credit_entries where user_id = ? and kind = 'adjustment'")
                .param(user.value())
                .query(String.class)
                .single())
        .startsWith("Run again at no cost");

    var queued = generations
        .submit(
            user,
            TestSpecs.of("kinora-local", "Moss on stones", "20", "1920x1080", 3L),
            Attachment.Files.NONE)
        .id();
    var page = operator.get("/admin/generations");
    var stopped = operator.post(
        "/admin/generations/" + queued.value() + "/cancel", Map.of("reason", "Stuck"), page.csrf());
    assertThat(stopped.body()).contains("Stopped; its credits went back to its owner.");
    assertThat(jdbc.sql("select error_message from generations where id = ?")
            .param(queued.value())
            .query(String.class)
            .single())
        .isEqualTo("The operator of this site stopped this video; its credits went back to you.");
  }

  @Test
  void aPausedPlatformGetsNoNewJobsOnAnyNodeUntilResumed() {
    var operator = operator();
    var page = operator.get("/admin/platforms");
    operator.post(
        "/admin/platforms/openai-gateway/pause",
        Map.of("reason", "Their status page reports an outage"),
        page.csrf());
    try {
      assertThat(operator.get("/admin/platforms").body())
          .contains("paused by an operator: Their status page reports an outage");
      var user = TestAccounts.newUser(jdbc, "USER");
      var id = generations
          .submit(
              user,
              TestSpecs.of("gateway-sora", "Gulls", "4", "1280x720", null),
              Attachment.Files.NONE)
          .id();
      await().atMost(Duration.ofSeconds(30)).until(() -> status(id).equals("FAILED"));
      assertThat(jdbc.sql("select error_code from generations where id = ?")
              .param(id.value())
              .query(String.class)
              .single())
          .isEqualTo("provider_unavailable");
      assertThat(jdbc.sql("select count(*) from provider_transfers where generation_id = ?")
              .param(id.value())
              .query(Long.class)
              .single())
          .as("nothing was sent")
          .isZero();
    } finally {
      page = operator.get("/admin/platforms");
      operator.post(
          "/admin/platforms/openai-gateway/resume", Map.of("reason", "Outage over"), page.csrf());
    }
    assertThat(operator.get("/admin/platforms").body()).doesNotContain("paused by an operator");
  }

  @Test
  void promptsAreShownOnlyInACaseOpenedWithAReasonWhichTheUsersOwnAuditTrailLists() {
    var user = TestAccounts.newUser(jdbc, "USER");
    generations.submit(
        user,
        TestSpecs.of("kinora-local", "A secret garden at noon", "2", "1280x720", 1L),
        Attachment.Files.NONE);
    var operator = operator();
    assertThat(operator.get("/admin/users/" + user.value()).body())
        .doesNotContain("A secret garden");
    var casePage = operator.get("/admin/users/" + user.value() + "/case");
    assertThat(casePage.body()).contains("Open a case").doesNotContain("A secret garden");

    var opened = operator.post(
        "/admin/users/" + user.value() + "/case",
        Map.of("reason", "Report of abuse received"),
        casePage.csrf());
    assertThat(opened.body()).contains("A secret garden at noon");
    assertThat(audit.about(user)).anySatisfy(e -> {
      assertThat(e.action()).isEqualTo("admin.case_opened");
      assertThat(e.details()).contains("reason: Report of abuse received");
    });
  }

  @Test
  void aRefusedEmailDomainSignsNobodyUpUntilAcceptedAgain() {
    var operator = operator();
    var page = operator.get("/admin/safety");
    var refused = operator.post(
        "/admin/safety/domains",
        Map.of("domain", "@Throwaway.example", "reason", "Disposable addresses used for abuse"),
        page.csrf());
    assertThat(refused.body()).contains("are refused from now on").contains("throwaway.example");

    var visitor = new WebSession(baseUrl());
    var answer = visitor.submit(
        "/signup",
        "/signup",
        Map.of(
            "email", "someone@mail.throwaway.example",
            "displayName", "",
            "password", PASSWORD,
            "birthDate", java.time.LocalDate.now().minusYears(30).toString(),
            "country", "SE",
            "acceptsTerms", "true"));
    assertThat(answer.body()).contains("Addresses at this domain are not accepted here.");
    assertThat(
            jdbc.sql("select count(*) from users where email_normalized like '%throwaway.example'")
                .query(Long.class)
                .single())
        .isZero();

    page = operator.get("/admin/safety");
    operator.post(
        "/admin/safety/domains/allow",
        Map.of("domain", "throwaway.example", "reason", "Service closed down"),
        page.csrf());
    var again = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            Map.of(
                "email", "someone@mail.throwaway.example",
                "displayName", "",
                "password", PASSWORD,
                "birthDate", java.time.LocalDate.now().minusYears(30).toString(),
                "country", "SE",
                "acceptsTerms", "true"));
    assertThat(again.body()).doesNotContain("Addresses at this domain are not accepted here.");
    assertThat(jdbc.sql(
                "select count(*) from users where email_normalized = 'someone@mail.throwaway.example'")
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  private String status(GenerationId id) {
    return jdbc.sql("select status from generations where id = ?")
        .param(id.value())
        .query(String.class)
        .single();
  }

  private WebSession operator() {
    return signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
  }

  private WebSession signIn(String email, String password) {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", password));
    return session;
  }
}
