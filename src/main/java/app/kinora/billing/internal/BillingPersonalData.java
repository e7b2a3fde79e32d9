package app.kinora.billing.internal;

import app.kinora.privacy.spi.DataCategory;
import app.kinora.privacy.spi.PersonalColumn;
import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.privacy.spi.Purpose;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's credit usage and payments. On erasure the ledger and payment records stay, as
 * accounting requires, pseudonymised: the account's id is replaced by a random tombstone id
 * (they hold no name, email or card data), and the link to Stripe's customer record is cut.
 */
@Component
class BillingPersonalData implements PersonalDataHolder {

  private final LedgerReads entries;
  private final Payments payments;
  private final JdbcClient jdbc;

  BillingPersonalData(LedgerReads entries, Payments payments, JdbcClient jdbc) {
    this.entries = entries;
    this.payments = payments;
    this.jdbc = jdbc;
  }

  @Override
  public String module() {
    return "billing";
  }

  @Override
  public Set<String> tables() {
    return Set.of("credit_accounts", "credit_entries", "stripe_payments");
  }

  @Override
  public List<PersonalColumn> columns() {
    var columns = new java.util.ArrayList<PersonalColumn>();
    var kept = "kept for accounting; under a tombstone id once the account is erased";
    columns.addAll(PersonalColumn.of(
        "credit_accounts",
        DataCategory.BILLING,
        kept,
        Set.of(Purpose.CREDIT_ACCOUNTING),
        "frozen_reason"));
    columns.addAll(PersonalColumn.of(
        "credit_entries",
        DataCategory.BILLING,
        kept,
        Set.of(Purpose.CREDIT_ACCOUNTING, Purpose.LEGAL),
        "kind",
        "reason",
        "reference",
        "actor"));
    columns.addAll(PersonalColumn.of(
        "stripe_payments",
        DataCategory.BILLING,
        kept + "; the customer link is cut",
        Set.of(Purpose.CREDIT_ACCOUNTING, Purpose.LEGAL),
        "checkout_session_id",
        "pack",
        "currency",
        "status",
        "customer_id",
        "payment_intent_id"));
    return columns;
  }

  @Override
  public Map<String, Object> export(UserId user) {
    List<Map<String, Object>> ledger = entries.history(user, Set.of(), Integer.MAX_VALUE).stream()
        .map(e -> {
          var row = new LinkedHashMap<String, Object>();
          row.put("time", e.createdAt().toString());
          row.put("kind", e.kind().column());
          row.put("credits", e.shownAmount());
          row.put("reason", e.reason());
          row.put("reference", e.reference());
          return (Map<String, Object>) row;
        })
        .toList();
    List<Map<String, Object>> paid = payments.of(user).stream()
        .map(p -> Map.<String, Object>of(
            "time",
            p.createdAt().toString(),
            "pack",
            p.pack(),
            "credits",
            p.credits(),
            "amount",
            p.amount(),
            "currency",
            p.currency(),
            "status",
            p.status(),
            "checkoutSession",
            p.sessionId()))
        .toList();
    return Map.of("credits", ledger, "payments", paid);
  }

  @Override
  public void erase(UserId user) {
    var tombstone = java.util.UUID.randomUUID();
    var id = user.value();
    jdbc.sql("update stripe_payments set customer_id = null, user_id = ? where user_id = ?")
        .params(tombstone, id)
        .update();
    jdbc.sql("update credit_entries set user_id = ? where user_id = ?")
        .params(tombstone, id)
        .update();
    jdbc.sql("update credit_entries set actor = ? where actor = ?")
        .params("operator:" + tombstone, "operator:" + id)
        .update();
    jdbc.sql("update credit_accounts set user_id = ? where user_id = ?")
        .params(tombstone, id)
        .update();
  }
}
