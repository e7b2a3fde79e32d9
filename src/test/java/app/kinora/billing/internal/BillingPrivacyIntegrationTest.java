package app.kinora.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.privacy.PersonalDataInventory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Promise P3 and P4: billing keeps Stripe ids, amounts, status and times, never card data. */
class BillingPrivacyIntegrationTest extends IntegrationTest {

  @Autowired
  PersonalDataInventory inventory;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Payments payments;

  @Autowired
  JdbcClient jdbc;

  @Test
  void paymentTablesHoldOnlyStripeIdsAmountsCurrencyStatusAndTimes() {
    var columns = jdbc.sql("""
            select table_name || '.' || column_name from information_schema.columns
             where table_schema = 'public' and table_name like 'stripe%'""").query(String.class).set();

    assertThat(columns)
        .containsExactlyInAnyOrder(
            "stripe_payments.checkout_session_id",
            "stripe_payments.user_id",
            "stripe_payments.pack",
            "stripe_payments.credits",
            "stripe_payments.amount",
            "stripe_payments.currency",
            "stripe_payments.status",
            "stripe_payments.customer_id",
            "stripe_payments.payment_intent_id",
            "stripe_payments.created_at",
            "stripe_payments.updated_at",
            "stripe_charges.payment_intent_id",
            "stripe_charges.amount_refunded",
            "stripe_charges.disputed_at",
            "stripe_charges.receipt_url",
            "stripe_charges.updated_at",
            "stripe_events.id",
            "stripe_events.type",
            "stripe_events.received_at");
  }

  @Test
  void exportsCreditUsageWithTimesAndOnErasurePseudonymisesTheLedgerAndCutsTheLinkToStripe() {
    var user = TestAccounts.newUser(jdbc, "USER");
    ledger.grant(user, Credits.of(25), "Welcome back", "operator:test");
    payments.opened("cs_test_privacy_" + user, user, "starter", 100, 500, "eur");
    payments.update("cs_test_privacy_" + user, "paid", "cus_privacy", "pi_privacy_" + user);

    var export = inventory.exportOf(user).get("billing").toString();
    assertThat(export)
        .contains("Welcome back", "Starter credits", "cs_test_privacy_" + user, "time=");

    inventory.erase(user);

    assertThat(jdbc.sql("select count(*) from stripe_payments where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .as("no payment names the account")
        .isZero();
    var tombstone = jdbc.sql(
            "select user_id from stripe_payments where checkout_session_id = ? and customer_id is null")
        .param("cs_test_privacy_" + user)
        .query(java.util.UUID.class)
        .single();
    assertThat(tombstone).isNotEqualTo(user.value());
    // the ledger stays for accounting under the tombstone id, and still reconciles
    assertThat(jdbc.sql("select count(*) from credit_entries where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from credit_entries where user_id = ?")
            .param(tombstone)
            .query(Long.class)
            .single())
        .isEqualTo(2);
    assertThat(jdbc.sql("select count(*) from credit_accounts where user_id = ?")
            .param(tombstone)
            .query(Long.class)
            .single())
        .isOne();
  }
}
