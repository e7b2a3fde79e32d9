package app.kinora.billing;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Recomputes balances from the ledger's entries and compares them with the cached sums. */
public final class LedgerAssertions {

  private LedgerAssertions() {}

  /** Every account: cached balance = sum of amounts, cached held = sum of open holds. */
  public static void assertLedgerReconciles(JdbcClient jdbc) {
    var mismatches = jdbc.sql("""
            select a.user_id::text from credit_accounts a
             where a.balance <> (select coalesce(sum(e.amount), 0) from credit_entries e where e.user_id = a.user_id)
                or a.held <> (select coalesce(sum(e.held_change), 0) from credit_entries e where e.user_id = a.user_id)
                or a.held <> (select coalesce(sum(h.held_change), 0) from credit_entries h
                               where h.user_id = a.user_id and h.kind = 'hold'
                                 and not exists (select 1 from credit_entries x
                                                  where x.hold_id = h.hold_id and x.kind in ('capture', 'release')))""").query(String.class).list();
    assertThat(mismatches)
        .as("accounts whose cached sums differ from their ledger")
        .isEmpty();
  }

  public static long count(JdbcClient jdbc, UserId user, String kind) {
    return jdbc.sql("select count(*) from credit_entries where user_id = ? and kind = ?")
        .params(user.value(), kind)
        .query(Long.class)
        .single();
  }

  public static long recomputedBalance(JdbcClient jdbc, UserId user) {
    return jdbc.sql("select coalesce(sum(amount), 0) from credit_entries where user_id = ?")
        .param(user.value())
        .query(Long.class)
        .single();
  }
}
