package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.DatabaseScan;
import app.kinora.IntegrationTest;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sign-up through the web form: the age gate, consent, every fault named at once, the new account
 * signed in on a fresh session with a confirm-your-email banner, and a registered address told
 * only by email.
 */
class SignUpIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  static Map<String, String> form(
      String email, String name, String password, LocalDate birthDate, String country) {
    return Map.of(
        "email",
        email,
        "displayName",
        name,
        "password",
        password,
        "birthDate",
        birthDate.toString(),
        "country",
        country,
        "acceptsTerms",
        "true");
  }

  static LocalDate yearsAgo(int years, int plusDays) {
    return LocalDate.now(ZoneOffset.UTC).minusYears(years).plusDays(plusDays);
  }

  @Test
  void anAdultGetsAnUnverifiedAccountWithConsentAndAgeRecordedButNotTheBirthDate() {
    var born = yearsAgo(30, 17);
    var page = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("adult.one@kinora.test", "Ada One", "a long adult passphrase", born, "FR"));

    assertThat(page.url()).isEqualTo(baseUrl() + "/");
    var row = jdbc.sql("select * from users where email_normalized = 'adult.one@kinora.test'")
        .query()
        .singleRow();
    assertThat(row.get("email_verified_at")).isNull();
    assertThat(row.get("country")).isEqualTo("FR");
    assertThat(row.get("age_confirmed_on").toString())
        .isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());
    assertThat(row.get("terms_version")).isEqualTo("2026-11-29");
    assertThat(row.get("privacy_version")).isEqualTo("2026-11-29");
    assertThat(row.get("terms_accepted_at")).isNotNull();
    assertThat(DatabaseScan.tablesContaining(jdbc, born.toString())).isEmpty();
    assertThat(Mailbox.awaitMessage("adult.one@kinora.test", 1)).contains("/account/verify?token=");
  }

  @Test
  void aChildIsRefusedKindlyAndNothingAboutThemIsStoredAnywhere() {
    var born = yearsAgo(15, 0);
    var before = DatabaseScan.rowCounts(jdbc);
    var session = new WebSession(baseUrl());
    var page = session.submit(
        "/signup",
        "/signup",
        form("young.person@kinora.test", "Young Person Xq", "a long young passphrase", born, "DE"));

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("Sorry, not yet").doesNotContain("young.person@kinora.test");
    session.get("/");
    assertThat(DatabaseScan.tablesContaining(jdbc, "young.person@kinora.test")).isEmpty();
    assertThat(DatabaseScan.tablesContaining(jdbc, "Young Person Xq")).isEmpty();
    assertThat(DatabaseScan.tablesContaining(jdbc, born.toString())).isEmpty();
    assertThat(DatabaseScan.rowCounts(jdbc).get("users")).isEqualTo(before.get("users"));
    assertThat(Mailbox.messagesTo("young.person@kinora.test")).isEmpty();
  }

  @Test
  void theMinimumAgeDependsOnTheCountry() {
    var fifteen = yearsAgo(15, -1);
    var inGermany = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("fifteen.de@kinora.test", "", "a long fifteen passphrase", fifteen, "DE"));
    var inFrance = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("fifteen.fr@kinora.test", "", "a long fifteen passphrase", fifteen, "FR"));
    var dayBeforeThirteenth = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("twelve.us@kinora.test", "", "a long twelve passphrase", yearsAgo(13, 1), "US"));

    assertThat(inGermany.body()).contains("Sorry, not yet");
    assertThat(inFrance.url()).isEqualTo(baseUrl() + "/");
    assertThat(dayBeforeThirteenth.body()).contains("Sorry, not yet");
    assertThat(jdbc.sql("select count(*) from users where email_normalized like 'fifteen.%'")
            .query(Long.class)
            .single())
        .isEqualTo(1);
  }

  @Test
  void aNewAccountIsSignedInOnAFreshSessionAndLandsInTheStudioAskedToConfirmItsEmail() {
    var session = new WebSession(baseUrl());
    session.get("/signup");
    var anonymousId = session.cookie("__Host-kinora");

    var studio = session.submit(
        "/signup",
        "/signup",
        form("signed.in@kinora.test", "", "a long signed in passphrase", yearsAgo(30, 0), "NL"));

    assertThat(anonymousId).isNotNull();
    assertThat(session.cookie("__Host-kinora"))
        .as("a new session id once signed in (session fixation)")
        .isNotNull()
        .isNotEqualTo(anonymousId);
    assertThat(studio.status()).isEqualTo(200);
    assertThat(studio.url()).isEqualTo(baseUrl() + "/");
    assertThat(studio.body()).contains("New video").contains("Confirm your email");
    assertThat(session.get("/account").url()).endsWith("/account");

    var dismissed = session.post(
        "/account/confirm-email-banner/dismiss", Map.of("return", "/library"), studio.csrf());
    assertThat(dismissed.url()).endsWith("/library");
    assertThat(dismissed.body()).doesNotContain("Confirm your email");
    assertThat(session.get("/").body())
        .as("dismissed for the rest of the session")
        .doesNotContain("Confirm your email");
    var elsewhere = signIn("signed.in@kinora.test", "a long signed in passphrase");
    assertThat(elsewhere.get("/").body())
        .as("another session asks again while the address is unconfirmed")
        .contains("Confirm your email");

    session.get(Mailbox.firstLinkPath(Mailbox.awaitMessage("signed.in@kinora.test", 1)));
    assertThat(elsewhere.get("/").body())
        .as("gone once the address is confirmed")
        .doesNotContain("Confirm your email");
  }

  @Test
  void theDismissButtonSendsNowhereElse() {
    var session = new WebSession(baseUrl());
    var studio = session.submit(
        "/signup",
        "/signup",
        form("elsewhere@kinora.test", "", "a long elsewhere passphrase", yearsAgo(30, 0), "BE"));
    var page = session.post(
        "/account/confirm-email-banner/dismiss",
        Map.of("return", "//evil.example/"),
        studio.csrf());
    assertThat(page.url()).isEqualTo(baseUrl() + "/");
  }

  @Test
  void everyFieldAtFaultIsNamedAtOnceNextToItself() {
    var page = new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            Map.of(
                "email", "not an address",
                "displayName", "x".repeat(81),
                "password", "short",
                "birthDate", "",
                "country", ""));

    assertThat(page.status()).isEqualTo(400);
    assertThat(page.body()).contains("Please correct the 6 fields marked below.");
    for (var field :
        List.of("email", "displayName", "password", "birthDate", "country", "acceptsTerms")) {
      assertThat(page.body())
          .as(field)
          .containsPattern("name=\"" + field
              + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"" + field + "-error")
          .contains("id=\"" + field + "-error\"");
    }
    assertThat(page.body())
        .contains("Enter a valid email address.")
        .contains("Use at most 80 characters.")
        .contains("Use at least")
        .contains("Enter your date of birth.")
        .contains("Choose the country you live in.")
        .contains("accept the terms");
  }

  @Test
  void signingUpWithARegisteredEmailOpensNothingSignsNobodyInAndTellsOnlyTheOwner() {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form("twice@kinora.test", "", "a long first passphrase", yearsAgo(40, 0), "SE"));
    var impostor = new WebSession(baseUrl());
    var second = impostor.submit(
        "/signup",
        "/signup",
        form("Twice@Kinora.test", "Impostor", "a long second passphrase", yearsAgo(40, 0), "SE"));

    assertThat(second.url()).endsWith("/signup/sent");
    assertThat(second.body()).contains("Check your inbox");
    assertThat(impostor.get("/account").url()).as("not signed in").contains("/login");
    assertThat(Mailbox.awaitMessage("twice@kinora.test", 2)).contains("no new one was made");
    assertThat(
            jdbc.sql("select display_name from users where email_normalized = 'twice@kinora.test'")
                .query(String.class)
                .single())
        .isEqualTo("twice");
  }

  private WebSession signIn(String email, String password) {
    var session = new WebSession(baseUrl());
    var login = session.get("/login");
    session.post("/login", Map.of("username", email, "password", password), login.csrf());
    return session;
  }

  @Test
  void refusesShortAndCommonPasswordsMissingConsentAndUnknownCountriesAndKeepsTheForm() {
    var session = new WebSession(baseUrl());
    var adult = yearsAgo(30, 0);
    for (var bad : List.of(
        form("rules@kinora.test", "", "short", adult, "IT"),
        form("rules@kinora.test", "", "password1234", adult, "IT"),
        form("rules@kinora.test", "", "a long fine passphrase", adult, "XX"))) {
      var page = session.submit("/signup", "/signup", bad);
      assertThat(page.status()).isEqualTo(400);
      assertThat(page.body()).contains("role=\"alert\"").contains("value=\"rules@kinora.test\"");
    }
    var noConsent = new java.util.HashMap<>(
        form("rules@kinora.test", "", "a long fine passphrase", adult, "IT"));
    noConsent.remove("acceptsTerms");
    assertThat(session.submit("/signup", "/signup", noConsent).body()).contains("accept the terms");
    assertThat(jdbc.sql("select count(*) from users where email_normalized = 'rules@kinora.test'")
            .query(Long.class)
            .single())
        .isZero();
  }
}
