package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import app.kinora.shared.UserId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys outlive sessions unless their owner says otherwise: a password reset and "sign out
 * everywhere" offer to revoke them too, and every new key is told to its owner by email.
 */
class ApiKeyNoticesIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApiKeys apiKeys;

  /** Signs up (the confirmation is the address's first email) and returns the signed-in session. */
  WebSession signedUp(String email, String password) {
    new WebSession(baseUrl())
        .submit("/signup", "/signup", form(email, "Kim", password, yearsAgo(30, 0), "AT"));
    Mailbox.awaitMessage(email, 1);
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", password));
    return session;
  }

  UserId userId(String email) {
    return new UserId(jdbc.sql("select id from users where email_normalized = ?")
        .param(email)
        .query(UUID.class)
        .single());
  }

  int statusOf(String key) {
    return new ApiClient(baseUrl(), key).get("/v1/videos").status();
  }

  @Test
  void aNewKeyIsToldToItsOwnerByNameAndPrefixNeverTheKey() {
    var session = signedUp("key.notice@kinora.test", "a long key maker passphrase");
    var created = session.post(
        "/account/api-keys?scope=read",
        Map.of("name", "nightly render script"),
        session.get("/account/api-keys").csrf());
    var matcher = ApiKeyScopesIntegrationTest.NEW_KEY.matcher(created.body());
    assertThat(matcher.find()).as("the new key is shown").isTrue();
    var key = matcher.group(1).strip();

    var mail = Mailbox.awaitMessage("key.notice@kinora.test", 2);
    assertThat(Mailbox.subject("key.notice@kinora.test", 2))
        .isEqualTo("A new API key for your Kinora account");
    assertThat(mail)
        .contains(
            "nightly render script",
            "starts with " + key.substring(0, 10),
            "may read",
            LocalDate.now(ZoneOffset.UTC).toString(),
            baseUrl() + "/account/api-keys")
        .doesNotContain(key);
  }

  @Test
  void aResetRevokesTheApiKeysOnlyWhenAskedTo() {
    signedUp("reset.keeps@kinora.test", "a long keeping passphrase");
    signedUp("reset.revokes@kinora.test", "a long revoking passphrase");
    var kept = apiKeys.create(userId("reset.keeps@kinora.test"), "script");
    var revoked = apiKeys.create(userId("reset.revokes@kinora.test"), "script");

    reset("reset.keeps@kinora.test", Map.of("password", "a brand new keeping passphrase"));
    reset(
        "reset.revokes@kinora.test",
        Map.of("password", "a brand new revoking passphrase", "revokeApiKeys", "true"));

    assertThat(statusOf(kept)).as("kept by a plain reset").isEqualTo(200);
    assertThat(statusOf(revoked)).as("revoked as asked").isEqualTo(401);
  }

  @Test
  void signingOutEverywhereRevokesTheApiKeysOnlyWhenAskedTo() {
    var keeper = signedUp("everywhere.keeps@kinora.test", "a long everywhere passphrase");
    var revoker = signedUp("everywhere.revokes@kinora.test", "a long everywhere passphrase");
    var kept = apiKeys.create(userId("everywhere.keeps@kinora.test"), "script");
    var revoked = apiKeys.create(userId("everywhere.revokes@kinora.test"), "script");
    var page = revoker.get("/account");
    assertThat(page.body()).contains("name=\"revokeApiKeys\"");

    keeper.post("/account/sessions/end-all", Map.of(), keeper.get("/account").csrf());
    revoker.post("/account/sessions/end-all", Map.of("revokeApiKeys", "true"), page.csrf());

    assertThat(keeper.get("/account").url()).contains("/login");
    assertThat(revoker.get("/account").url()).contains("/login");
    assertThat(statusOf(kept)).as("kept when signing out").isEqualTo(200);
    assertThat(statusOf(revoked)).as("revoked as asked").isEqualTo(401);
  }

  /** Asks for a reset link (the address's second email) and chooses a new password on its page. */
  private void reset(String email, Map<String, String> fields) {
    new WebSession(baseUrl()).submit("/password-reset", "/password-reset", Map.of("email", email));
    var link = Mailbox.firstLinkPath(Mailbox.awaitMessage(email, 2));
    var browser = new WebSession(baseUrl());
    var form = browser.get(link);
    assertThat(form.body()).contains("Also revoke my API keys");
    assertThat(browser.post(link, fields, form.csrf()).url()).contains("/login?reset");
  }
}
