package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.account.WebSession;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * Sessions live in the database: a second application instance on the same database serves a
 * session made on the first; sessions are listed with their device, revoked one by one or all
 * at once, and a new session id is issued at sign-in.
 */
class SessionsIntegrationTest extends IntegrationTest {

  static final String FIREFOX_ON_WINDOWS =
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
  static final String SAFARI_ON_IPHONE =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
          + "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

  @Autowired
  DataSource dataSource;

  WebSession signedIn(String email, String password, String userAgent) {
    var session = new WebSession(baseUrl()).userAgent(userAgent);
    var before = session.get("/login");
    var anonymousId = session.cookie("__Host-kinora");
    session.post("/login", Map.of("username", email, "password", password), before.csrf());
    assertThat(session.cookie("__Host-kinora"))
        .as("a new session id at sign-in")
        .isNotNull()
        .isNotEqualTo(anonymousId);
    return session;
  }

  void signUp(String email, String password) {
    var session = new WebSession(baseUrl());
    var studio =
        session.submit("/signup", "/signup", form(email, "", password, yearsAgo(30, 0), "AT"));
    // sign-up signs in: that session ends here, so each test's sessions are the ones it opens
    session.post("/logout", Map.of(), studio.csrf());
  }

  @Test
  void aSessionMadeOnOneNodeIsValidOnAnother() {
    signUp("two.nodes@kinora.test", "a long two nodes passphrase");
    var onFirst =
        signedIn("two.nodes@kinora.test", "a long two nodes passphrase", FIREFOX_ON_WINDOWS);
    try (var second = OtherNode.start(dataSource, Map.of())) {
      var port = ((WebServerApplicationContext) second).getWebServer().getPort();
      var onSecond = onFirst.sameCookiesOn("http://localhost:" + port);

      var account = onSecond.get("/account");
      assertThat(account.url()).endsWith("/account");
      assertThat(account.body())
          .contains("two.nodes@kinora.test")
          .contains("Firefox 133 on Windows 10+ (Desktop)");

      var handle = handleOfCurrentSession(account.body());
      assertThat(handle).isNotNull();
      onSecond.post("/account/sessions/end-all", Map.of(), account.csrf());
    }
    assertThat(onFirst.get("/account").url())
        .as("signed out everywhere, from the other node")
        .contains("/login");
  }

  @Test
  void listsSessionsWithTheirDevicesAndRevokesOne() {
    signUp("many.devices@kinora.test", "a long devices passphrase");
    var laptop =
        signedIn("many.devices@kinora.test", "a long devices passphrase", FIREFOX_ON_WINDOWS);
    var phone = signedIn("many.devices@kinora.test", "a long devices passphrase", SAFARI_ON_IPHONE);

    var page = laptop.get("/account");
    assertThat(page.body())
        .contains("Firefox 133 on Windows 10+ (Desktop)")
        .contains("Safari 17 on iOS 17 (Phone)")
        .contains("This device");
    var phoneHandle =
        Pattern.compile("/account/sessions/([A-Za-z0-9_-]{22})/revoke").matcher(page.body());
    assertThat(phoneHandle.find()).isTrue();
    laptop.post("/account/sessions/" + phoneHandle.group(1) + "/revoke", Map.of(), page.csrf());

    assertThat(phone.get("/account").url()).contains("/login");
    assertThat(laptop.get("/account").url()).endsWith("/account");
    assertThat(laptop
            .post(
                "/account/sessions/" + phoneHandle.group(1) + "/revoke",
                Map.of(),
                laptop.get("/account").csrf())
            .body())
        .contains("That session had already ended");
  }

  @Test
  void aSessionCannotRevokeAnotherUsersSession() {
    signUp("owner.a@kinora.test", "a long owner a passphrase");
    signUp("owner.b@kinora.test", "a long owner b passphrase");
    var a = signedIn("owner.a@kinora.test", "a long owner a passphrase", FIREFOX_ON_WINDOWS);
    var b = signedIn("owner.b@kinora.test", "a long owner b passphrase", SAFARI_ON_IPHONE);
    var bPage = b.get("/account");
    var bHandle = handleOfCurrentSessionFromCookie(b);

    a.post(
        "/account/sessions/" + bHandle + "/revoke", Map.of(), a.get("/account").csrf());
    assertThat(b.get("/account").url()).endsWith("/account");
    assertThat(bPage.body()).doesNotContain("owner.a@kinora.test");
  }

  private static String handleOfCurrentSession(String body) {
    return body.contains("This device") ? "current" : null;
  }

  private static String handleOfCurrentSessionFromCookie(WebSession session) {
    var id = new String(
        java.util.Base64.getDecoder().decode(session.cookie("__Host-kinora")),
        java.nio.charset.StandardCharsets.UTF_8);
    return UserSessions.handle(id);
  }
}
