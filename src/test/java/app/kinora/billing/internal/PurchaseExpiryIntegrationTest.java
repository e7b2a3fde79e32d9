package app.kinora.billing.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.Credits;
import app.kinora.billing.internal.LedgerEntry.Kind;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Optional expiry of purchased credits: what is left of an old purchase, first in first out. */
class PurchaseExpiryIntegrationTest extends IntegrationTest {

  @Autowired
  LedgerReads entries;

  @Autowired
  Ledger ledger;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @Test
  void whatIsLeftOfAnOldPurchaseExpiresOnceAndTheStarterCreditsAreUsedFirst() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var starter = ledger.balance(user).available().value();
    transactions.executeWithoutResult(
        s -> ledger.record(user, Kind.PURCHASE, Credits.of(500), "500 credits", "cs_expiry_1"));
    ledger.adjust(user, Credits.of(-(starter + 50)), "used", "operator:test");
    var expiry = new PurchaseExpiry(entries, ledger, transactions, Duration.ofDays(365));

    var settled = expiry.purge(Instant.now().plusSeconds(5));

    assertThat(settled).isPositive();
    assertThat(jdbc.sql(
                "select amount from credit_entries where kind = 'expiry' and reference = 'cs_expiry_1'")
            .query(Long.class)
            .single())
        .as("500 bought, 50 of it used")
        .isEqualTo(-450);
    assertThat(ledger.balance(user).available()).isEqualTo(Credits.ZERO);
    expiry.purge(Instant.now().plusSeconds(5));
    assertThat(jdbc.sql(
                "select count(*) from credit_entries where kind = 'expiry' and reference = 'cs_expiry_1'")
            .query(Long.class)
            .single())
        .as("once")
        .isOne();
    assertLedgerReconciles(jdbc);
  }

  @Test
  void aRecentPurchaseDoesNotExpire() {
    var user = TestAccounts.newUser(jdbc, "USER");
    transactions.executeWithoutResult(
        s -> ledger.record(user, Kind.PURCHASE, Credits.of(100), "100 credits", "cs_expiry_2"));
    var expiry = new PurchaseExpiry(entries, ledger, transactions, Duration.ofDays(365));

    expiry.purge(Instant.now().minus(Duration.ofDays(1)));

    assertThat(jdbc.sql(
                "select count(*) from credit_entries where kind = 'expiry' and reference = 'cs_expiry_2'")
            .query(Long.class)
            .single())
        .isZero();
  }
}
