package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.audit.AuditTrail;
import app.kinora.privacy.PrivacyRequest.Jurisdiction;
import app.kinora.privacy.PrivacyRequest.Kind;
import app.kinora.privacy.PrivacyRequest.Status;
import app.kinora.privacy.spi.AccountDirectory;
import app.kinora.shared.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Requests by email: legal due dates on a moved clock, one extension, verification, audit (P11). */
class PrivacyRequestsIntegrationTest extends IntegrationTest {

  private static final Instant RECEIVED = Instant.parse("2030-03-01T09:00:00Z");

  @Autowired
  JdbcClient jdbc;

  @Autowired
  AccountDirectory accounts;

  @Autowired
  DataExports exports;

  @Autowired
  ApplicationEventPublisher events;

  @Autowired
  AuditTrail audit;

  @Autowired
  AccountClosures closures;

  @Autowired
  PrivacySettings settings;

  private final MovingClock clock = new MovingClock();
  private PrivacyRequests requests;
  private UserId operator;

  @BeforeEach
  void setUp() {
    clock.now = RECEIVED;
    requests = new PrivacyRequests(
        new PrivacyRequestRows(jdbc),
        new RequestVerification(jdbc, accounts, events, clock),
        new RequestFulfilment(exports, closures, settings),
        accounts,
        events,
        clock);
    operator = accounts.findByEmail(ADMIN_EMAIL).orElseThrow();
  }

  @Test
  void aGdprRequestIsDueInThirtyDaysAndCanBeExtendedOnceBySixtyWithAReason() {
    var request =
        requests.log(Kind.ACCESS, "someone@elsewhere.test", "email", Jurisdiction.GDPR, operator);

    assertThat(request.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofDays(30)));
    assertThat(request.isOverdue(RECEIVED.plus(Duration.ofDays(29)))).isFalse();
    assertThat(request.isDueSoon(RECEIVED.plus(Duration.ofDays(25)))).isTrue();
    assertThat(request.isOverdue(RECEIVED.plus(Duration.ofDays(31)))).isTrue();
    assertThat(requests.open()).extracting(PrivacyRequest::id).contains(request.id());

    assertThatThrownBy(() -> requests.extend(request.id(), " ", operator))
        .isInstanceOf(IllegalArgumentException.class);
    var extended = requests.extend(request.id(), "Two years of videos to gather", operator);
    assertThatThrownBy(() -> requests.extend(request.id(), "again", operator))
        .isInstanceOf(IllegalStateException.class);

    assertThat(extended.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofDays(90)));
    assertThat(extended.isOverdue(RECEIVED.plus(Duration.ofDays(31)))).isFalse();
  }

  @Test
  void aCaliforniaRequestIsDueInFortyFiveDaysExtendableByFortyFive() {
    var request =
        requests.log(Kind.DELETION, "someone@elsewhere.test", "post", Jurisdiction.CCPA, operator);

    assertThat(request.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofDays(45)));
    assertThat(requests.extend(request.id(), "Backlog", operator).dueAt())
        .isEqualTo(RECEIVED.plus(Duration.ofDays(90)));
  }

  @Test
  void
      theRequesterIsVerifiedThroughTheAccountsOwnAddressThenTheExportIsMadeAndEveryStepIsAudited() {
    var request = requests.log(
        Kind.ACCESS, "  " + ADMIN_EMAIL.toUpperCase() + " ", "email", Jurisdiction.GDPR, operator);
    assertThat(request.user()).isEqualTo(operator);
    assertThatThrownBy(() -> requests.execute(request.id(), operator))
        .hasMessageContaining("Verify");

    var verification = requests.startVerification(request.id(), operator);
    assertThat(verification.email()).isEqualTo(ADMIN_EMAIL);
    assertThat(requests.verify("not-the-token")).isEmpty();
    clock.now = RECEIVED.plus(Duration.ofDays(2));
    assertThat(requests.verify(verification.token())).hasValueSatisfying(r -> {
      assertThat(r.status()).isEqualTo(Status.VERIFIED);
      assertThat(r.verifiedAt()).isEqualTo(clock.now);
    });
    assertThat(requests.verify(verification.token())).as("a link works once").isEmpty();
    int exportsBefore = exports.list(operator).size();

    var done = requests.execute(request.id(), operator);

    assertThat(done.status()).isEqualTo(Status.COMPLETED);
    assertThat(exports.list(operator)).hasSize(exportsBefore + 1);
    assertThat(audit.about(operator))
        .extracting(AuditTrail.Event::action)
        .containsSubsequence(
            "privacy_request.logged",
            "privacy_request.verification_sent",
            "privacy_request.verified",
            "privacy_request.completed");
  }

  @Test
  void aVerifiedDeletionRequestSchedulesTheAccountsClosureWithItsGracePeriod() {
    var user = TestAccounts.newUser(jdbc, "USER", "leaving.by.mail@kinora.test", null);
    var request = requests.log(
        Kind.DELETION, "leaving.by.mail@kinora.test", "email", Jurisdiction.GDPR, operator);
    assertThatThrownBy(() -> requests.execute(request.id(), operator))
        .hasMessageContaining("Verify");
    requests.verify(requests.startVerification(request.id(), operator).token());

    var done = requests.execute(request.id(), operator);

    assertThat(done.status()).isEqualTo(Status.COMPLETED);
    assertThat(closures.pending(user))
        .as("erased after the grace period, cancellable by signing in")
        .isPresent();
    assertThat(done.outcome())
        .contains("closure scheduled")
        .contains(closures.pending(user).orElseThrow().toString().substring(0, 10));
    assertThat(accounts.findByEmail("leaving.by.mail@kinora.test")).hasValue(user);
  }

  @Test
  void aVerifiedObjectionTurnsOffContentUseAndMarketingEmail() {
    var user = TestAccounts.newUser(jdbc, "USER", "objecting@kinora.test", null);
    settings.save(user, new PrivacySettings.Settings(true, true));
    var request =
        requests.log(Kind.OBJECTION, "objecting@kinora.test", "email", Jurisdiction.GDPR, operator);
    requests.verify(requests.startVerification(request.id(), operator).token());

    assertThat(requests.execute(request.id(), operator).status()).isEqualTo(Status.COMPLETED);
    assertThat(settings.of(user)).isEqualTo(new PrivacySettings.Settings(false, false));
    assertThat(settings.allowsContentUse(user)).isFalse();
  }

  @Test
  void anUnderAgeReportErasesTheAccountAtOnceWithoutAskingItsHolder() {
    var child = TestAccounts.newUser(jdbc, "USER", "too.young@kinora.test", null);
    var request =
        requests.log(Kind.UNDER_AGE, "too.young@kinora.test", "email", Jurisdiction.GDPR, operator);
    assertThat(request.user()).isEqualTo(child);

    var done = requests.execute(request.id(), operator);

    assertThat(done.status()).isEqualTo(Status.COMPLETED);
    assertThat(done.outcome()).contains("erased");
    assertThat(accounts.findByEmail("too.young@kinora.test")).isEmpty();
    assertThat(jdbc.sql("select count(*) from users where id = ?")
            .param(child.value())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(done.user())
        .as("the request keeps a tombstone, not the child's id")
        .isNotNull()
        .isNotEqualTo(child);
    assertThat(done.requesterEmail()).isEqualTo("erased");
    assertThat(closures.pending(child)).isEmpty();
  }

  @Test
  void aCorrectionIsMadeByHandNotExecuted() {
    var request =
        requests.fromAccount(operator, Kind.CORRECTION, "Spell my name Zoë", Jurisdiction.GDPR);

    assertThatThrownBy(() -> requests.execute(request.id(), operator))
        .hasMessageContaining("by hand")
        .isInstanceOf(IllegalStateException.class);
    assertThat(requests.find(request.id()).orElseThrow().status()).isEqualTo(Status.VERIFIED);
  }

  @Test
  void aRequestWithoutAnAccountCannotBeVerifiedAndIsClosedWithAReason() {
    var request =
        requests.log(Kind.CORRECTION, "nobody@nowhere.test", "email", Jurisdiction.OTHER, operator);

    assertThatThrownBy(() -> requests.startVerification(request.id(), operator))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> requests.close(request.id(), false, "", operator))
        .isInstanceOf(IllegalArgumentException.class);
    var closed = requests.close(request.id(), false, "No account uses this address.", operator);

    assertThat(closed.status()).isEqualTo(Status.REJECTED);
    assertThat(requests.open()).extracting(PrivacyRequest::id).doesNotContain(request.id());
    assertThatThrownBy(() -> requests.extend(request.id(), "late", operator))
        .hasMessageContaining("closed");
  }

  @Test
  void aSignedInUsersCorrectionRequestIsVerifiedByTheSessionAndQueuedWithItsDueDate() {
    var request = requests.fromAccount(
        operator, Kind.CORRECTION, "My country is Estonia, not Latvia", Jurisdiction.GDPR);

    assertThat(request.status()).isEqualTo(Status.VERIFIED);
    assertThat(request.details()).isEqualTo("My country is Estonia, not Latvia");
    assertThat(request.dueAt()).isEqualTo(RECEIVED.plus(Duration.ofDays(30)));
    assertThat(requests.open()).extracting(PrivacyRequest::id).contains(request.id());
    assertThatThrownBy(
            () -> requests.fromAccount(operator, Kind.CORRECTION, "  ", Jurisdiction.GDPR))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRequestWithoutAnAddressIsRefusedAndNothingIsStored() {
    long before =
        jdbc.sql("select count(*) from privacy_requests").query(Long.class).single();

    assertThatThrownBy(
            () -> requests.log(Kind.ACCESS, "not an address", "email", Jurisdiction.GDPR, operator))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            jdbc.sql("select count(*) from privacy_requests").query(Long.class).single())
        .isEqualTo(before);
  }

  /** A clock the test moves by hand. */
  static final class MovingClock extends Clock {
    Instant now;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
