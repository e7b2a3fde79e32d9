package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.account.WebSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/** Failed sign-ins are limited per account; the answers never tell whether the email exists. */
class ThrottleIntegrationTest extends IntegrationTest {

  @Autowired
  MeterRegistry meters;

  @Autowired
  javax.sql.DataSource dataSource;

  WebSession.Page attempt(String email, String password) {
    return new WebSession(baseUrl())
        .submit("/login", "/login", Map.of("username", email, "password", password));
  }

  @Test
  void anUnknownEmailAndAWrongPasswordGetTheSameAnswerAndTheSameLimit() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("guarded@kinora.test", "", "a long guarded passphrase", yearsAgo(30, 0), "LV"));

    for (int i = 0; i < 5; i++) {
      var wrong = attempt("guarded@kinora.test", "wrong guess number " + i);
      var unknown = attempt("nobody.here@kinora.test", "wrong guess number " + i);
      assertThat(wrong.url()).endsWith("/login?error");
      assertThat(unknown.url()).isEqualTo(wrong.url());
      assertThat(unknown.body()).contains("The email or password is not right");
    }
    var blocked = attempt("guarded@kinora.test", "a long guarded passphrase");
    var blockedUnknown = attempt("nobody.here@kinora.test", "anything at all");
    assertThat(blocked.url()).contains("/login?throttled=");
    assertThat(blocked.body()).contains("Too many attempts");
    assertThat(blockedUnknown.url()).isEqualTo(blocked.url());

    assertThat(attempt(ADMIN_EMAIL, ADMIN_PASSWORD).url())
        .as("other accounts are not affected")
        .isEqualTo(baseUrl() + "/");
  }

  /**
   * Each attempt is counted before its password is checked: 40 wrong passwords sent at once get
   * at most 5 checks (the limit per account), however they interleave; the rest wait.
   */
  @Test
  void fortyParallelWrongPasswordsGetNoMoreThanFivePasswordChecks() throws Exception {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("stormed@kinora.test", "", "a long stormed passphrase", yearsAgo(30, 0), "LV"));
    var checksBefore = passwordChecksRefused();
    var browsers = new ArrayList<WebSession>();
    var csrf = new ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      browsers.add(new WebSession(baseUrl()));
      csrf.add(browsers.get(i).get("/login").csrf());
    }

    var start = new CountDownLatch(1);
    var answers = new ArrayList<Future<WebSession.Page>>();
    try (var threads = Executors.newFixedThreadPool(40)) {
      for (int i = 0; i < 40; i++) {
        var n = i;
        answers.add(threads.submit(() -> {
          start.await();
          return browsers
              .get(n)
              .post(
                  "/login",
                  Map.of("username", "stormed@kinora.test", "password", "wrong guess " + n),
                  csrf.get(n));
        }));
      }
      start.countDown();
    }
    int checked = 0;
    int throttled = 0;
    for (var answer : answers) {
      var url = answer.get().url();
      checked += url.endsWith("/login?error") ? 1 : 0;
      throttled += url.contains("/login?throttled=") ? 1 : 0;
    }

    assertThat(checked).as("answers after a password check").isLessThanOrEqualTo(5);
    assertThat(throttled).as("'wait N minutes' answers").isEqualTo(40 - checked);
    assertThat(passwordChecksRefused() - checksBefore)
        .as("wrong passwords counted by the sign-in")
        .isLessThanOrEqualTo(5);
  }

  /**
   * Two nodes on one database count the same failures: three wrong passwords on one and two on the
   * other use up the account's five, and both then answer "wait".
   */
  @Test
  void wrongPasswordsSpreadOverTwoNodesShareOneLimit() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form(
                "throttled.on.two.nodes@kinora.test",
                "",
                "a long two nodes passphrase",
                yearsAgo(30, 0),
                "LV"));
    try (var other = OtherNode.start(dataSource, Map.of("kinora.jobs.threads", "1"))) {
      var there = "http://localhost:"
          + ((WebServerApplicationContext) other).getWebServer().getPort();
      for (int i = 0; i < 5; i++) {
        var page = new WebSession(i < 3 ? baseUrl() : there)
            .submit(
                "/login",
                "/login",
                Map.of(
                    "username",
                    "throttled.on.two.nodes@kinora.test",
                    "password",
                    "wrong guess " + i));
        assertThat(page.url()).as("guess %d", i).endsWith("/login?error");
      }
      for (var node : new String[] {baseUrl(), there}) {
        var page = new WebSession(node)
            .submit(
                "/login",
                "/login",
                Map.of(
                    "username",
                    "throttled.on.two.nodes@kinora.test",
                    "password",
                    "a long two nodes passphrase"));
        assertThat(page.url()).as("on " + node).contains("/login?throttled=");
      }
    }
  }

  private double passwordChecksRefused() {
    return Optional.ofNullable(
            meters.find("kinora.signin.refused").tag("reason", "credentials").counter())
        .map(Counter::count)
        .orElse(0.0);
  }
}
