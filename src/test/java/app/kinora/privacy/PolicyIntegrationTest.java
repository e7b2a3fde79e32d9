package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.shared.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The policy pages tell this deployment's truth; material changes wait for each user's acknowledgement. */
class PolicyIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Clock clock;

  @Autowired
  app.kinora.privacy.spi.AccountDirectory accounts;

  @Autowired
  app.kinora.notification.Mailer mailer;

  @Test
  void thePrivacyPolicyNamesTheOperatorTheContactTheSubprocessorsAndTheRetentionPeriods()
      throws Exception {
    var page = get("/privacy");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Example Video &lt;Co&gt; | Ltd",
            "privacy@operator.test",
            "1 Example Street, 1000 Brussels")
        .contains("<td>Example Hosting</td>", "<td>Germany</td>")
        .contains("then kept only as daily totals</td>\n<td>90 days</td>")
        .doesNotContain("<Co>", "{{");
  }

  @Test
  void everyPageFooterNamesTheOperatorAndLinksThePolicies() throws Exception {
    var landing = get("/").body();

    assertThat(landing)
        .contains(
            "Kinora, run by Example Video &lt;Co&gt; | Ltd",
            "mailto:privacy@operator.test",
            "href=\"/privacy\"",
            "href=\"/terms\"",
            "href=\"/privacy/subprocessors\"",
            "href=\"/privacy/cookies\"");
    assertThat(get("/privacy").body())
        .as("the banner links to this heading")
        .contains("<h2 id=\"cookies\">Cookies</h2>");
  }

  @Test
  void theSubprocessorPageListsTheConfiguredServices() throws Exception {
    var page = get("/privacy/subprocessors").body();

    assertThat(page)
        .contains("<td>Example Hosting</td>", "<td>Servers and storage</td>", "<td>Germany</td>")
        .as("payments and the model platforms enabled in the test configuration")
        .contains("<td>Stripe</td>", "<td>Test gateway</td>");
  }

  @Test
  void earlierVersionsAreListedAndAnUnknownVersionIsNotFound() throws Exception {
    assertThat(get("/terms").body()).contains("All versions", "2026-11-29");
    assertThat(get("/terms?version=2026-11-29").statusCode()).isEqualTo(200);
    assertThat(get("/terms?version=1999-01-01").statusCode()).isEqualTo(404);
  }

  @Test
  void aMaterialChangeIsPendingForEveryUserUntilTheyAcknowledgeIt() {
    var documents = new PolicyDocuments("classpath*:legal-changed/*/*.md");
    var acknowledgements = new PolicyAcknowledgements(documents, jdbc, clock);
    var reader = UserId.random();
    var newcomer = UserId.random();
    acknowledgements.acknowledge(reader, "privacy", "2026-11-29");
    acknowledgements.acceptCurrent(newcomer);

    var pending = acknowledgements.pendingFor(reader);

    assertThat(pending).hasValueSatisfying(notice -> {
      assertThat(notice.version()).isEqualTo("2027-02-01");
      assertThat(notice.summary()).contains("Canada");
    });
    assertThat(acknowledgements.pendingFor(newcomer))
        .as("signed up under the new version")
        .isEmpty();

    acknowledgements.acknowledge(reader, "privacy", "2027-02-01");
    acknowledgements.acknowledge(reader, "privacy", "2027-02-01");

    assertThat(acknowledgements.pendingFor(reader)).isEmpty();
    assertThat(acknowledgements.export(reader)).hasSize(2);
  }

  @Test
  void aMaterialChangeIsAnnouncedByEmailToVerifiedAddressesOnceOnlyWhenItsDateHasCome() {
    var verified = app.kinora.TestAccounts.newUser(jdbc, "USER", "announce.me@kinora.test", null);
    app.kinora.TestAccounts.newUser(jdbc, "USER", "not.yet.verified@kinora.test", null);
    jdbc.sql(
            "update users set email_verified_at = null where email = 'not.yet.verified@kinora.test'")
        .update();
    var documents = new PolicyDocuments("classpath*:legal-changed/*/*.md");
    var before = new PolicyAnnouncements(
        documents,
        accounts,
        mailer,
        jdbc,
        path -> "https://kinora.example" + path,
        Clock.fixed(java.time.Instant.parse("2027-01-31T12:00:00Z"), java.time.ZoneOffset.UTC));
    var after = new PolicyAnnouncements(
        documents,
        accounts,
        mailer,
        jdbc,
        path -> "https://kinora.example" + path,
        Clock.fixed(java.time.Instant.parse("2027-02-01T12:00:00Z"), java.time.ZoneOffset.UTC));

    assertThat(before.announcePending()).as("not before its date").isZero();
    assertThat(after.announcePending()).isPositive();
    assertThat(after.announcePending()).as("once").isZero();

    var mail = app.kinora.account.Mailbox.awaitMessage("announce.me@kinora.test", 1);
    assertThat(mail).contains("provider in Canada", "https://kinora.example/privacy");
    assertThat(app.kinora.account.Mailbox.messagesTo("not.yet.verified@kinora.test"))
        .isEmpty();
    assertThat(verified).isNotNull();
  }

  @Test
  void withoutMaterialChangesNothingIsPending() {
    var acknowledgements = new PolicyAcknowledgements(new PolicyDocuments(), jdbc, clock);

    assertThat(acknowledgements.pendingFor(UserId.random())).isEmpty();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Accept", "text/html")
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
