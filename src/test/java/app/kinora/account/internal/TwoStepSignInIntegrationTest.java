package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** TOTP as a second step of sign-in, with one-time recovery codes. */
class TwoStepSignInIntegrationTest extends IntegrationTest {

  @Autowired
  Totp totp;

  static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");
  static final Pattern CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

  WebSession.Page signIn(WebSession session, String email, String password) {
    return session.submit("/login", "/login", Map.of("username", email, "password", password));
  }

  @Test
  void aCodeFromTheAppOrARecoveryCodeIsNeededAfterThePassword() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("two.step@kinora.test", "", "a long two step passphrase", yearsAgo(30, 0), "EE"));
    var session = new WebSession(baseUrl());
    signIn(session, "two.step@kinora.test", "a long two step passphrase");

    var setup = session.get("/account/totp");
    var matcher = SECRET.matcher(setup.body());
    assertThat(matcher.find()).isTrue();
    assertThat(setup.body()).contains("data:image/svg+xml;base64,");
    var secret = matcher.group(1).replace(" ", "");
    var wrong = session.post(
        "/account/totp",
        Map.of("code", "000000".equals(totp.code(secret, Instant.now())) ? "111111" : "000000"),
        setup.csrf());
    assertThat(wrong.body()).contains("That code is not right");
    var enabled = session.post(
        "/account/totp", Map.of("code", totp.code(secret, Instant.now())), setup.csrf());
    assertThat(enabled.body()).contains("Two-step sign-in is on");
    var codes = new ArrayList<String>();
    var codeMatcher = CODE.matcher(enabled.body());
    while (codeMatcher.find()) {
      codes.add(codeMatcher.group(1));
    }
    assertThat(codes).hasSize(10).doesNotHaveDuplicates();

    var next = new WebSession(baseUrl());
    assertThat(
            signIn(next, "two.step@kinora.test", "a long two step passphrase").url())
        .endsWith("/login/totp");
    assertThat(next.get("/account").url())
        .as("the first factor alone opens nothing")
        .endsWith("/login/totp");
    var page = next.get("/login/totp");
    assertThat(next.post("/login/totp", Map.of("code", "123 456"), page.csrf()).body())
        .contains("That code is not right");
    var used = totp.code(secret, Instant.now());
    assertThat(next.post(
                "/login/totp", Map.of("code", used), next.get("/login/totp").csrf())
            .url())
        .isEqualTo(baseUrl() + "/");
    var replay = new WebSession(baseUrl());
    signIn(replay, "two.step@kinora.test", "a long two step passphrase");
    assertThat(replay
            .post("/login/totp", Map.of("code", used), replay.get("/login/totp").csrf())
            .body())
        .as("a code works once")
        .contains("That code is not right");
    assertThat(next.get("/account").body()).contains("Recovery codes left: 10");

    var lostPhone = new WebSession(baseUrl());
    signIn(lostPhone, "two.step@kinora.test", "a long two step passphrase");
    assertThat(lostPhone
            .post(
                "/login/totp",
                Map.of("code", codes.getFirst()),
                lostPhone.get("/login/totp").csrf())
            .url())
        .isEqualTo(baseUrl() + "/");
    var again = new WebSession(baseUrl());
    signIn(again, "two.step@kinora.test", "a long two step passphrase");
    assertThat(again
            .post(
                "/login/totp",
                Map.of("code", codes.getFirst()),
                again.get("/login/totp").csrf())
            .body())
        .as("a recovery code works once")
        .contains("That code is not right");
  }
}
