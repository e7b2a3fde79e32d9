package app.kinora.billing.internal;

import app.kinora.billing.Balance;
import app.kinora.billing.Credits;
import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tables {@code credit_entries} (append-only) and {@code credit_accounts} (the cached sums,
 * whose row is locked to serialise one user's changes).
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

  /** Purchases made before the cutoff that have no expiry entry yet. */
  java.util.List<PurchaseExpiry.Purchase> unexpiredPurchasesBefore(Timestamp cutoff) {
    return jdbc.sql("""
            select p.id, p.user_id, p.reference from credit_entries p
             where p.kind = 'purchase' and p.created_at < ?
               and not exists (select 1 from credit_entries e where e.kind = 'expiry' and e.reference = p.reference)
             order by p.id""")
        .param(cutoff)
        .query((rs, n) -> new PurchaseExpiry.Purchase(
            rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3)))
        .list();
  }

  /**
   * What is left of one credit lot (a grant or purchase) when uses are taken first in, first out:
   * everything added up to and including the lot, minus all that was used or expired since the
   * start, capped to the lot's own size.
   */
  long fifoRemainder(UserId user, long lotId) {
    return jdbc.sql("""
            select greatest(0, least(
                     (select amount from credit_entries where id = :lot),
                     (select coalesce(sum(amount), 0) from credit_entries
                       where user_id = :user and id <= :lot and kind in ('grant', 'purchase') and amount > 0)
                     + (select coalesce(sum(amount), 0) from credit_entries where user_id = :user and amount < 0)))""")
        .param("lot", lotId)
        .param("user", user.value())
        .query(Long.class)
        .single();
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

  /** The hold's own entry and its ending entry, if any. */
  List<LedgerEntry> holdEntries(Collection<UUID> holds) {
    if (holds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from credit_entries where hold_id in (:holds) order by id")
        .param("holds", holds)
        .query(LedgerEntries::entry)
        .list();
  }

  Optional<UserId> holder(UUID hold) {
    return jdbc.sql("select user_id from credit_entries where hold_id = ? and kind = 'hold'")
        .param(hold)
        .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
        .optional();
  }

  /** The user's entries, newest first, optionally of some kinds only. */
  List<LedgerEntry> history(UserId user, Collection<LedgerEntry.Kind> kinds, int limit) {
    return history(user, kinds, null, limit);
  }

  /** The user's entries, newest first, optionally of some kinds and one reference only. */
  List<LedgerEntry> history(
      UserId user, Collection<LedgerEntry.Kind> kinds, String reference, int limit) {
    var filter = (kinds.isEmpty() ? "" : " and kind in (:kinds)")
        + (reference == null ? "" : " and reference = :reference");
    var query = jdbc.sql("select * from credit_entries where user_id = :user" + filter
            + " order by id desc limit :limit")
        .param("user", user.value())
        .param("limit", limit);
    if (!kinds.isEmpty()) {
      query = query.param("kinds", kinds.stream().map(LedgerEntry.Kind::column).toList());
    }
    if (reference != null) {
      query = query.param("reference", reference);
    }
    return query.query(LedgerEntries::entry).list();
  }

  /** The user's holds that have not ended yet. */
  List<LedgerEntry> openHolds(UserId user) {
    return jdbc.sql("""
            select * from credit_entries h
             where h.user_id = ? and h.kind = 'hold'
               and not exists (select 1 from credit_entries e where e.hold_id = h.hold_id and e.kind <> 'hold')
             order by h.id desc""").param(user.value()).query(LedgerEntries::entry).list();
  }

  /** Sum of the entries of one kind with this reference (e.g. credits already clawed back). */
  long sum(LedgerEntry.Kind kind, String reference) {
    return jdbc.sql(
            "select coalesce(sum(amount), 0) from credit_entries where kind = ? and reference = ?")
        .param(kind.column())
        .param(reference)
        .query(Long.class)
        .single();
  }

  boolean exists(LedgerEntry.Kind kind, String reference) {
    return jdbc.sql("select exists (select 1 from credit_entries where kind = ? and reference = ?)")
        .param(kind.column())
        .param(reference)
        .query(Boolean.class)
        .single();
  }

  private static Balance balance(ResultSet rs, int row) throws SQLException {
    return new Balance(
        Credits.of(rs.getLong("balance")),
        Credits.of(rs.getLong("held")),
        rs.getTimestamp("frozen_at") != null);
  }

  private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
    return new LedgerEntry(
        rs.getLong("id"),
        LedgerEntry.Kind.of(rs.getString("kind")),
        rs.getLong("amount"),
        rs.getLong("held_change"),
        rs.getObject("hold_id", UUID.class),
        rs.getString("reason"),
        rs.getString("reference"),
        rs.getString("actor"),
        rs.getTimestamp("created_at").toInstant());
  }
}
