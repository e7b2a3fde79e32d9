package app.kinora.billing.internal;

import app.kinora.billing.CreditTotals;
import app.kinora.billing.Credits;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class LedgerTotals implements CreditTotals {

  private final JdbcClient jdbc;

  LedgerTotals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Totals since(Instant since) {
    var from = Timestamp.from(since);
    var revenue = new LinkedHashMap<String, Long>();
    jdbc.sql("""
            select currency, sum(amount) from stripe_payments
             where status = 'paid' and updated_at >= ? group by currency order by currency""").param(from).query(rs -> {
      revenue.put(rs.getString(1), rs.getLong(2));
    });
    return jdbc.sql("""
            select coalesce(sum(amount) filter (where kind = 'grant'), 0),
                   coalesce(sum(amount) filter (where kind = 'purchase'), 0),
                   coalesce(-sum(amount) filter (where kind = 'capture'), 0),
                   coalesce(sum(amount) filter (where kind = 'adjustment'), 0)
              from credit_entries where created_at >= ?""")
        .param(from)
        .query((rs, n) -> new Totals(
            Credits.of(rs.getLong(1)),
            Credits.of(rs.getLong(2)),
            Credits.of(rs.getLong(3)),
            Credits.of(rs.getLong(4)),
            revenue))
        .single();
  }
}
