package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.DatabaseScan;
import app.kinora.IntegrationTest;
import app.kinora.TestServers;
import app.kinora.account.Accounts;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-in through a real OpenID Connect provider running in the test (mock-oauth2-server). */
class OidcSignInIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Accounts accounts;

  /** The provider will vouch for this person at its next authorization. */
  static void providerKnows(String subject, String email, boolean verified) {
    var claims = Map.<String, Object>of(
        "email", email, "email_verified", verified, "name", "Person " + subject);
    TestServers.oidc()
        .enqueueCallback(new DefaultOAuth2TokenCallback(
            TestServers.OIDC_ISSUER_ID, subject, "JWT", List.of("kinora"), claims, 3600));
  }

  static WebSession.Page continueWithProvider(WebSession session) {
    return session.get("/oauth2/authorization/" + TestServers.OIDC_REGISTRATION);
  }

  static WebSession.Page finishSignUp(
      WebSession session, WebSession.Page page, String birthDate, String country) {
    return session.post(
        "/signup/provider",
        Map.of("birthDate", birthDate, "country", country, "acceptsTerms", "true"),
        page.csrf());
  }

  UserId owner(String subject) {
    return new UserId(
        jdbc.sql("select user_id from account_identities where provider = ? and subject = ?")
            .params(TestServers.OIDC_REGISTRATION, subject)
            .query(UUID.class)
            .single());
  }

  @Test
  void aNewPersonPassesTheAgeGateAndGetsAnAccountWithTheProvidersVerifiedEmailAndNoTokens() {
    providerKnows("subject-adult-1", "oidc.adult@kinora.test", true);
    var session = new WebSession(baseUrl());
    var page = continueWithProvider(session);
    assertThat(page.url()).endsWith("/signup/provider");
    assertThat(
            jdbc.sql("select count(*) from users where email_normalized = 'oidc.adult@kinora.test'")
                .query(Long.class)
                .single())
        .isZero();

    var home = finishSignUp(session, page, yearsAgo(33, 0).toString(), "IE");
    assertThat(home.url()).isEqualTo(baseUrl() + "/");
    var user = owner("subject-adult-1");
    assertThat(accounts.isVerified(user)).isTrue();
    assertThat(accounts.find(user).orElseThrow().email()).isEqualTo("oidc.adult@kinora.test");
    assertThat(session.get("/account").body()).contains("oidc.adult@kinora.test");
    assertThat(DatabaseScan.tablesContaining(jdbc, "eyJ"))
        .as("no JWT (token) kept anywhere")
        .isEmpty();
  }

  @Test
  void aChildIsRefusedBeforeTheAccountExistsAndTheProvidersDataIsForgotten() {
    providerKnows("subject-child-1", "oidc.child@kinora.test", true);
    var session = new WebSession(baseUrl());
    var page = continueWithProvider(session);
    var refused = finishSignUp(session, page, yearsAgo(14, 0).toString(), "NL");

    assertThat(refused.body()).contains("Sorry, not yet");
    assertThat(DatabaseScan.tablesContaining(jdbc, "oidc.child@kinora.test")).isEmpty();
    assertThat(DatabaseScan.tablesContaining(jdbc, "subject-child-1")).isEmpty();
    assertThat(session.get("/signup/provider").url()).endsWith("/login");
  }

  @Test
  void aKnownIdentitySignsStraightIn() {
    providerKnows("subject-return-1", "oidc.return@kinora.test", true);
    var first = new WebSession(baseUrl());
    finishSignUp(first, continueWithProvider(first), yearsAgo(50, 0).toString(), "US");

    providerKnows("subject-return-1", "oidc.return@kinora.test", true);
    var again = new WebSession(baseUrl());
    assertThat(continueWithProvider(again).url()).isEqualTo(baseUrl() + "/");
    assertThat(again.get("/account").body()).contains("oidc.return@kinora.test");
  }

  @Test
  void anUnverifiedProviderEmailIsNotTrustedAndMustBeConfirmed() {
    providerKnows("subject-unverified-1", "oidc.unverified@kinora.test", false);
    var session = new WebSession(baseUrl());
    finishSignUp(session, continueWithProvider(session), yearsAgo(20, 0).toString(), "CA");

    assertThat(accounts.isVerified(owner("subject-unverified-1"))).isFalse();
    assertThat(Mailbox.awaitMessage("oidc.unverified@kinora.test", 1))
        .contains("/account/verify?token=");
  }

  @Test
  void anUnverifiedProviderEmailNeverOpensTheAccountThatHasIt() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            SignUpIntegrationTest.form(
                "victim@kinora.test", "", "a long victim passphrase", yearsAgo(30, 0), "PT"));
    providerKnows("subject-attacker-1", "victim@kinora.test", false);
    var session = new WebSession(baseUrl());
    var page =
        finishSignUp(session, continueWithProvider(session), yearsAgo(30, 0).toString(), "PT");

    assertThat(page.url()).endsWith("/signup/sent");
    assertThat(
            jdbc.sql("select count(*) from account_identities where subject = 'subject-attacker-1'")
                .query(Long.class)
                .single())
        .isZero();
    assertThat(session.get("/account").url()).contains("/login");
  }

  @Test
  void aSignedInUserLinksAndUnlinksAProviderButNeverTheLastWayIn() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            SignUpIntegrationTest.form(
                "linker@kinora.test", "", "a long linker passphrase", yearsAgo(30, 0), "DK"));
    var session = new WebSession(baseUrl());
    session.submit(
        "/login",
        "/login",
        Map.of("username", "linker@kinora.test", "password", "a long linker passphrase"));
    providerKnows("subject-linker-1", "someone.else@kinora.test", false);
    var account = session.get("/account");
    session.post(
        "/account/identities/" + TestServers.OIDC_REGISTRATION + "/link", Map.of(), account.csrf());
    var userId = owner("subject-linker-1");
    assertThat(accounts.find(userId).orElseThrow().email()).isEqualTo("linker@kinora.test");

    providerKnows("subject-linker-1", "someone.else@kinora.test", false);
    var viaProvider = new WebSession(baseUrl());
    assertThat(continueWithProvider(viaProvider).url()).isEqualTo(baseUrl() + "/");

    var unlinked = session.post(
        "/account/identities/" + TestServers.OIDC_REGISTRATION + "/unlink",
        Map.of(),
        session.get("/account").csrf());
    assertThat(unlinked.body()).contains("The provider is unlinked");
    assertThat(
            jdbc.sql("select count(*) from account_identities where subject = 'subject-linker-1'")
                .query(Long.class)
                .single())
        .isZero();

    providerKnows("subject-only-1", "oidc.only@kinora.test", true);
    var only = new WebSession(baseUrl());
    finishSignUp(only, continueWithProvider(only), yearsAgo(30, 0).toString(), "FI");
    var refused = only.post(
        "/account/identities/" + TestServers.OIDC_REGISTRATION + "/unlink",
        Map.of(),
        only.get("/account").csrf());
    assertThat(refused.body()).contains("This is your only way to sign in");
    owner("subject-only-1");
  }
}
