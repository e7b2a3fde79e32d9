package app.kinora.billing.internal;

import app.kinora.billing.Balance;
import app.kinora.billing.Credits;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's writes: entries appended to {@code credit_entries} (append-only), the cached sums
 * in {@code credit_accounts} moved alike, and that row, locked to serialise one user's changes.
 * Questions about past entries go to {@link LedgerReads}.
 */
@Repository
class LedgerEntries {

  private final JdbcClient jdbc;

  LedgerEntries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The account's row, locked until the transaction ends; {@code opened} for the one caller that created it. */
  record Locked(Balance balance, boolean opened) {}

  /**
   * Locks the user's account row, creating it first if it is missing. The insert of a row that a
   * concurrent transaction is creating waits for that transaction and then does nothing, and the
   * lock that follows (a new statement, a new snapshot) finds the committed row: so every one of
   * concurrent first uses gets the row, and exactly one of them opened it.
   */
  Locked openAndLock(UserId user) {
    var existing = lock(user);
    if (existing.isPresent()) {
      return new Locked(existing.get(), false);
    }
    boolean opened =
        jdbc.sql("insert into credit_accounts (user_id) values (?) on conflict do nothing")
                .param(user.value())
                .update()
            == 1;
    return new Locked(lock(user).orElseThrow(), opened);
  }

  boolean starterGranted(UserId user) {
    return jdbc.sql("select starter_granted from credit_accounts where user_id = ?")
        .param(user.value())
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /** Marks the full starter credits as given; true only the first time. */
  boolean markStarterGranted(UserId user) {
    return jdbc.sql(
                "update credit_accounts set starter_granted = true where user_id = ? and not starter_granted")
            .param(user.value())
            .update()
        == 1;
  }

  /** The account's sums, its row locked until the transaction ends. */
  Optional<Balance> lock(UserId user) {
    return jdbc.sql(
            "select balance, held, frozen_at from credit_accounts where user_id = ? for update")
        .param(user.value())
        .query(LedgerEntries::balance)
        .optional();
  }

  Optional<Balance> balance(UserId user) {
    return jdbc.sql("select balance, held, frozen_at from credit_accounts where user_id = ?")
        .param(user.value())
        .query(LedgerEntries::balance)
        .optional();
  }

  /**
   * Places a hold in one statement when the account exists, is not frozen and has the credits
   * available: the conditional update locks the row and re-checks the sums under the lock.
   *
   * @return false when nothing was held (no account yet, frozen or not enough credits)
   */
  boolean tryHold(UserId user, UUID hold, long price, String reason, String reference) {
    return jdbc.sql("""
            with account as (
              update credit_accounts set held = held + :price
               where user_id = :user and frozen_at is null and balance - held >= :price
              returning user_id)
            insert into credit_entries (user_id, kind, amount, held_change, hold_id, reason, reference, actor)
            select user_id, 'hold', 0, :price, :hold, :reason, :reference, 'user' from account""")
            .param("price", price)
            .param("user", user.value())
            .param("hold", hold)
            .param("reason", reason)
            .param("reference", reference)
            .update()
        == 1;
  }

  /** Appends an entry and moves the cached sums by the same amounts. */
  void append(
      UserId user,
      LedgerEntry.Kind kind,
      long amount,
      long heldChange,
      UUID hold,
      String reason,
      String reference,
      String actor) {
    jdbc.sql("""
            insert into credit_entries (user_id, kind, amount, held_change, hold_id, reason, reference, actor)
            values (:user, :kind, :amount, :held, :hold, :reason, :reference, :actor)""")
        .param("user", user.value())
        .param("kind", kind.column())
        .param("amount", amount)
        .param("held", heldChange)
        .param("hold", hold)
        .param("reason", reason)
        .param("reference", reference)
        .param("actor", actor)
        .update();
    jdbc.sql(
            "update credit_accounts set balance = balance + :amount, held = held + :held where user_id = :user")
        .param("amount", amount)
        .param("held", heldChange)
        .param("user", user.value())
        .update();
  }

  void freeze(UserId user, String reason) {
    jdbc.sql(
            "update credit_accounts set frozen_at = coalesce(frozen_at, now()), frozen_reason = ? where user_id = ?")
        .param(reason)
        .param(user.value())
        .update();
  }

  private static Balance balance(ResultSet rs, int row) throws SQLException {
    return new Balance(
        Credits.of(rs.getLong("balance")),
        Credits.of(rs.getLong("held")),
        rs.getTimestamp("frozen_at") != null);
  }
}
