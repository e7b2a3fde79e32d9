package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.Accounts;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import app.kinora.shared.UserId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Confirmation, reset, password change and email change, through real emails (GreenMail). */
class EmailFlowsIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  UserId signUp(String email, String password) {
    new WebSession(baseUrl())
        .submit("/signup", "/signup", form(email, "", password, yearsAgo(25, 0), "NL"));
    return new UserId(jdbc.sql("select id from users where email_normalized = ?")
        .param(email)
        .query(UUID.class)
        .single());
  }

  WebSession signedIn(String email, String password) {
    var session = new WebSession(baseUrl());
    var page = session.submit("/login", "/login", Map.of("username", email, "password", password));
    assertThat(page.url()).as("signed in as " + email).doesNotContain("/login");
    return session;
  }

  static boolean isSignedIn(WebSession session) {
    return !session.get("/account").url().contains("/login");
  }

  @Test
  void theConfirmationLinkVerifiesTheEmailAndForgedLinksDoNot() {
    var user = signUp("confirm.me@kinora.test", "a long confirm passphrase");
    assertThat(accounts.isVerified(user)).isFalse();
    var link = Mailbox.firstLinkPath(Mailbox.awaitMessage("confirm.me@kinora.test", 1));

    var forged = new WebSession(baseUrl()).get(link.replace("token=", "token=x"));
    assertThat(forged.body()).contains("This link does not work");
    assertThat(accounts.isVerified(user)).isFalse();

    assertThat(new WebSession(baseUrl()).get(link).body()).contains("Email confirmed");
    assertThat(accounts.isVerified(user)).isTrue();
    assertThat(accounts.isVerified(UserId.random())).isFalse();
  }

  @Test
  void anUnverifiedAccountCanSignInAndAskForANewLink() {
    signUp("resend.me@kinora.test", "a long resend passphrase");
    var session = signedIn("resend.me@kinora.test", "a long resend passphrase");
    var account = session.get("/account");
    assertThat(account.body()).contains("Please confirm your email");

    session.post("/account/verify/resend", Map.of(), account.csrf());
    assertThat(Mailbox.awaitMessage("resend.me@kinora.test", 2)).contains("/account/verify?token=");
  }

  @Test
  void aResetLinkSetsANewPasswordOnceAndSignsOutEverySession() {
    signUp("forgetful@kinora.test", "a long forgotten passphrase");
    var elsewhere = signedIn("forgetful@kinora.test", "a long forgotten passphrase");

    var asked = new WebSession(baseUrl())
        .submit("/password-reset", "/password-reset", Map.of("email", "Forgetful@kinora.test"));
    var unknown = new WebSession(baseUrl())
        .submit("/password-reset", "/password-reset", Map.of("email", "nobody@kinora.test"));
    assertThat(WebSession.withoutCsrfTokens(unknown.body()))
        .isEqualTo(WebSession.withoutCsrfTokens(asked.body()))
        .contains("If an account uses that address");
    assertThat(Mailbox.messagesTo("nobody@kinora.test")).isEmpty();

    var link = Mailbox.firstLinkPath(Mailbox.awaitMessage("forgetful@kinora.test", 2));
    var browser = new WebSession(baseUrl());
    var weak =
        browser.post(link, Map.of("password", "password"), browser.get(link).csrf());
    assertThat(weak.status()).isEqualTo(400);
    var done = browser.post(
        link, Map.of("password", "a brand new passphrase"), browser.get(link).csrf());
    assertThat(done.url()).contains("/login?reset");

    assertThat(isSignedIn(elsewhere)).isFalse();
    signedIn("forgetful@kinora.test", "a brand new passphrase");
    assertThat(new WebSession(baseUrl()).get(link).body()).contains("This link does not work");
    assertThat(new WebSession(baseUrl())
            .submit(
                "/login",
                "/login",
                Map.of(
                    "username", "forgetful@kinora.test", "password", "a long forgotten passphrase"))
            .url())
        .contains("/login?error");
  }

  /** A wrong password keeps the email typed, once; the password field is never filled back. */
  @Test
  void aRefusedSignInKeepsTheEmailForTheNextTry() {
    var session = new WebSession(baseUrl());
    var refused = session.submit(
        "/login",
        "/login",
        Map.of("username", "typist@kinora.test", "password", "not the passphrase at all"));

    assertThat(refused.url()).contains("/login?error");
    assertThat(refused.body())
        .contains("value=\"typist@kinora.test\"")
        .doesNotContain("not the passphrase at all");
    assertThat(session.get("/login").body())
        .as("a reload starts afresh")
        .doesNotContain("typist@kinora.test");
  }

  @Test
  void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherSessions() {
    signUp("changer@kinora.test", "a long changing passphrase");
    var here = signedIn("changer@kinora.test", "a long changing passphrase");
    var there = signedIn("changer@kinora.test", "a long changing passphrase");

    var wrong = here.post(
        "/account/password",
        Map.of("currentPassword", "not it at all", "newPassword", "a newer passphrase"),
        here.get("/account").csrf());
    assertThat(wrong.body()).contains("Your current password is not right");
    assertThat(isSignedIn(there)).isTrue();

    var changed = here.post(
        "/account/password",
        Map.of(
            "currentPassword", "a long changing passphrase", "newPassword", "a newer passphrase"),
        here.get("/account").csrf());
    assertThat(changed.body()).contains("Your password is changed");
    assertThat(isSignedIn(here)).isTrue();
    assertThat(isSignedIn(there)).isFalse();
    assertThat(Mailbox.awaitMessage("changer@kinora.test", 2))
        .contains("password of your Kinora account was changed");
  }

  @Test
  void aNewEmailIsUsedOnlyOnceConfirmedFromTheNewAddress() {
    var user = signUp("old.address@kinora.test", "a long moving passphrase");
    var session = signedIn("old.address@kinora.test", "a long moving passphrase");
    var page = session.post(
        "/account/email",
        Map.of("currentPassword", "a long moving passphrase", "email", "new.address@kinora.test"),
        session.get("/account").csrf());
    assertThat(page.body()).contains("We sent a link to the new address");
    assertThat(accounts.find(user).orElseThrow().email()).isEqualTo("old.address@kinora.test");

    var link = Mailbox.firstLinkPath(Mailbox.awaitMessage("new.address@kinora.test", 1));
    assertThat(new WebSession(baseUrl()).get(link).body()).contains("Email changed");
    assertThat(accounts.find(user).orElseThrow().email()).isEqualTo("new.address@kinora.test");
    assertThat(accounts.isVerified(user)).isTrue();
    assertThat(Mailbox.awaitMessage("old.address@kinora.test", 2))
        .contains("was changed to another address");
    signedIn("new.address@kinora.test", "a long moving passphrase");
    assertThat(new WebSession(baseUrl()).get(link).body()).contains("This link does not work");
  }

  @Test
  void movingToAnAddressThatHasAnAccountChangesNothingAndTellsThatAddress() {
    signUp("taken.target@kinora.test", "a long target passphrase");
    var user = signUp("mover@kinora.test", "a long mover passphrase");
    var session = signedIn("mover@kinora.test", "a long mover passphrase");
    var page = session.post(
        "/account/email",
        Map.of("currentPassword", "a long mover passphrase", "email", "taken.target@kinora.test"),
        session.get("/account").csrf());

    assertThat(page.body()).contains("We sent a link to the new address");
    assertThat(Mailbox.awaitMessage("taken.target@kinora.test", 2)).contains("nothing was changed");
    assertThat(accounts.find(user).orElseThrow().email()).isEqualTo("mover@kinora.test");
  }
}
