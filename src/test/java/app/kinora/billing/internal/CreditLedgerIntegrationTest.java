package app.kinora.billing.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static app.kinora.billing.LedgerAssertions.recomputedBalance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.AccountVerified;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.Charge;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import app.kinora.billing.InsufficientCredits;
import app.kinora.billing.PriceRequest;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger against the real database: holds, their single ending, append-only rows, sums. */
class CreditLedgerIntegrationTest extends IntegrationTest {

  private static final PriceRequest FOUR_SECONDS_720P =
      new PriceRequest("kinora-local", 4, new VideoSize(1280, 720), false);

  @Autowired
  CreditLedger ledger;

  @Autowired
  BillingProperties properties;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  ApplicationEventPublisher events;

  @AfterEach
  void cachedSumsAlwaysMatchTheLedger() {
    assertLedgerReconciles(jdbc);
  }

  @Test
  void pricesFromTheConfiguredTable() {
    // kinora-local: 1 credit/s × 1.5 at 720p; sound adds 0.25/s; rounded up; at least the minimum
    assertThat(ledger.quote(FOUR_SECONDS_720P)).isEqualTo(Credits.of(6));
    assertThat(ledger.quote(new PriceRequest("kinora-local", 4, new VideoSize(1280, 720), true)))
        .isEqualTo(Credits.of(7));
    assertThat(ledger.quote(new PriceRequest("kinora-local", 3, new VideoSize(480, 480), false)))
        .isEqualTo(Credits.of(3));
    assertThat(ledger.quote(new PriceRequest("kinora-local", 2, new VideoSize(1920, 1080), false)))
        .isEqualTo(Credits.of(5));
    assertThat(ledger.quote(
            new PriceRequest("some-unpriced-model", 0, new VideoSize(480, 480), false)))
        .isEqualTo(Credits.of(properties.pricing().minimumPerJob()));
  }

  @Test
  void aNewAccountStartsWithTheStarterCreditsAndAnOperatorWithTheOperatorsGrant() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var operator = TestAccounts.newUser(jdbc, "ADMIN");

    assertThat(ledger.balance(user).available()).isEqualTo(Credits.of(properties.starterCredits()));
    assertThat(ledger.balance(operator).available())
        .isEqualTo(Credits.of(properties.adminStarterCredits()));
    assertThat(count(jdbc, user, "grant")).isEqualTo(1);
  }

  /** What the account module publishes when an address is confirmed. */
  private void verified(UserId user) {
    transactions.executeWithoutResult(tx -> events.publishEvent(new AccountVerified(user)));
  }

  @Test
  void anUnverifiedAccountHasOnlyTheAllowanceUntilItsEmailIsVerifiedThenTheRestOnce() {
    var user = TestAccounts.newUser(jdbc, "USER");
    jdbc.sql("update users set email_verified_at = null where id = ?")
        .param(user.value())
        .update();

    assertThat(ledger.balance(user).available())
        .isEqualTo(Credits.of(properties.unverifiedAllowance()));
    assertThat(ledger.balance(user).available())
        .isEqualTo(Credits.of(properties.unverifiedAllowance()));

    jdbc.sql("update users set email_verified_at = now() where id = ?")
        .param(user.value())
        .update();
    assertThat(ledger.balance(user).available())
        .as("billing learns of it by the event, not by asking")
        .isEqualTo(Credits.of(properties.unverifiedAllowance()));
    verified(user);
    verified(user); // delivered twice

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> ledger.balance(user).available().equals(Credits.of(properties.starterCredits())));
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> count(jdbc, user, "grant") == 2);
    assertThat(ledger.balance(user).available()).isEqualTo(Credits.of(properties.starterCredits()));
  }

  @Test
  void aHoldReducesWhatIsAvailableAndIsCapturedAtMostOnceAtNoMoreThanTheQuote() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var hold = new HoldId(UUID.randomUUID());
    var start = ledger.balance(user).balance();

    var held = transactions.execute(tx -> ledger.hold(user, hold, FOUR_SECONDS_720P, "video_test"));
    assertThat(ledger.balance(user).held()).isEqualTo(held);
    assertThat(ledger.balance(user).available()).isEqualTo(start.minus(held));

    // the work came out shorter than asked: the shorter price is charged
    var shorter = new PriceRequest("kinora-local", 2, new VideoSize(1280, 720), false);
    assertThat(inTransaction(() -> ledger.capture(hold, shorter))).isTrue();
    assertThat(inTransaction(() -> ledger.capture(hold, FOUR_SECONDS_720P))).isFalse();
    assertThat(inTransaction(() -> ledger.release(hold, "too late"))).isFalse();

    var balance = ledger.balance(user);
    assertThat(balance.held()).isEqualTo(Credits.ZERO);
    assertThat(balance.balance()).isEqualTo(start.minus(Credits.of(3)));
    assertThat(recomputedBalance(jdbc, user)).isEqualTo(balance.balance().value());
    assertThat(ledger.charges(List.of(hold)).get(hold))
        .isEqualTo(new Charge(hold, Charge.State.CAPTURED, held, Credits.of(3)));
  }

  @Test
  void aCaptureNeverTakesMoreThanWasHeld() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var hold = new HoldId(UUID.randomUUID());
    var held = transactions.execute(tx -> ledger.hold(user, hold, FOUR_SECONDS_720P, "video_test"));

    var longer = new PriceRequest("kinora-local", 20, new VideoSize(1920, 1080), true);
    transactions.executeWithoutResult(tx -> ledger.capture(hold, longer));

    assertThat(ledger.charges(List.of(hold)).get(hold).charged()).isEqualTo(held);
  }

  @Test
  void aReleasedHoldGivesEverythingBackAndSaysWhy() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var hold = new HoldId(UUID.randomUUID());
    var before = ledger.balance(user);
    transactions.executeWithoutResult(
        tx -> ledger.hold(user, hold, FOUR_SECONDS_720P, "video_test"));

    assertThat(inTransaction(() -> ledger.release(hold, "Returned: the provider failed")))
        .isTrue();
    assertThat(inTransaction(() -> ledger.release(hold, "again"))).isFalse();

    assertThat(ledger.balance(user)).isEqualTo(before);
    assertThat(jdbc.sql("select reason from credit_entries where hold_id = ? and kind = 'release'")
            .param(hold.value())
            .query(String.class)
            .single())
        .isEqualTo("Returned: the provider failed");
  }

  @Test
  void refusesAHoldTheAvailableCreditsDoNotCoverAndRecordsNothing() {
    var user = TestAccounts.newUser(jdbc, "USER");
    ledger.adjust(user, Credits.of(5 - properties.starterCredits()), "leave 5", "operator:test");
    var entries = count(jdbc, user, "hold");

    assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
            ledger.hold(user, new HoldId(UUID.randomUUID()), FOUR_SECONDS_720P, "video_test")))
        .isInstanceOf(InsufficientCredits.class)
        .hasMessageContaining("Insufficient credits")
        .hasMessageContaining("costs 6 credits")
        .hasMessageContaining("5 credits available");
    assertThat(count(jdbc, user, "hold")).isEqualTo(entries);
    assertThat(ledger.balance(user).available()).isEqualTo(Credits.of(5));
  }

  @Test
  void holdsOnlyInsideTheCallersTransaction() {
    var user = TestAccounts.newUser(jdbc, "USER");
    assertThatThrownBy(
            () -> ledger.hold(user, new HoldId(UUID.randomUUID()), FOUR_SECONDS_720P, "video_test"))
        .isInstanceOf(IllegalTransactionStateException.class);
  }

  @Test
  void entriesCanNeitherBeChangedNorDeleted() {
    var user = TestAccounts.newUser(jdbc, "USER");
    ledger.grant(user, Credits.of(10), "welcome", "operator:test");
    var before = recomputedBalance(jdbc, user);

    assertThatThrownBy(
            () -> jdbc.sql("update credit_entries set amount = 1000000 where user_id = ?")
                .param(user.value())
                .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from credit_entries where user_id = ?")
            .param(user.value())
            .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("truncate credit_entries").update())
        .isInstanceOf(DataAccessException.class);
    assertThat(recomputedBalance(jdbc, user)).isEqualTo(before);
  }

  @Test
  void theDatabaseRefusesASecondEndingOfAHold() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var hold = new HoldId(UUID.randomUUID());
    transactions.executeWithoutResult(
        tx -> ledger.hold(user, hold, FOUR_SECONDS_720P, "video_test"));
    transactions.executeWithoutResult(tx -> ledger.release(hold, "failed"));

    assertThatThrownBy(() -> jdbc.sql("""
            insert into credit_entries (user_id, kind, amount, held_change, hold_id, reason, actor)
            values (?, 'capture', -6, -6, ?, 'sneaky', 'test')""").params(user.value(), hold.value()).update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  void anOperatorsNegativeAdjustmentMayLeaveTheBalanceNegativeWhichBlocksNewHolds() {
    var user = TestAccounts.newUser(jdbc, "USER");
    ledger.adjust(
        user, Credits.of(-properties.starterCredits() - 10), "correction", "operator:test");

    assertThat(ledger.balance(user).balance()).isEqualTo(Credits.of(-10));
    assertThatThrownBy(() -> transactions.executeWithoutResult(tx ->
            ledger.hold(user, new HoldId(UUID.randomUUID()), FOUR_SECONDS_720P, "video_test")))
        .isInstanceOf(InsufficientCredits.class);
  }

  private boolean inTransaction(java.util.function.BooleanSupplier work) {
    return Boolean.TRUE.equals(transactions.execute(tx -> work.getAsBoolean()));
  }
}
