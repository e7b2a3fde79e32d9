package app.kinora.billing.internal;

import app.kinora.privacy.spi.PersonalDataHolder;
import app.kinora.shared.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A user's credit usage and payments. On erasure the ledger and payment records stay, as
 * accounting requires: they are keyed by the account's random id only (no name, email or card
 * data), which no longer leads to a person once the account is erased; the link to Stripe's
 * customer record is cut.
 */
@Component
class BillingPersonalData implements PersonalDataHolder {

  private final LedgerEntries entries;
  private final Payments payments;
  private final JdbcClient jdbc;

  BillingPersonalData(LedgerEntries entries, Payments payments, JdbcClient jdbc) {
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
        .map(p -> Map.<String, Object>of("time", p.createdAt().toString(), "pack", p.pack(), "credits", p.credits(),
            "amount", p.amount(), "currency", p.currency(), "status", p.status(), "checkoutSession", p.sessionId()))
        .toList();
    return Map.of("credits", ledger, "payments", paid);
  }

  @Override
  public void erase(UserId user) {
    jdbc.sql("update stripe_payments set customer_id = null where user_id = ?").param(user.value()).update();
  }
}
