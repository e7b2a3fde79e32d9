package app.kinora.billing.internal;

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
 * The questions asked of {@code credit_entries}: a hold's entries and holder, a user's history,
 * sums and lookups by reference, what is left of a credit lot. Nothing here changes the ledger.
 */
@Repository
class LedgerReads {

  private final JdbcClient jdbc;

  LedgerReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Purchases made before the cutoff that have no expiry entry yet. */
  List<PurchaseExpiry.Purchase> unexpiredPurchasesBefore(Timestamp cutoff) {
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

  /** The hold's own entry and its ending entry, if any. */
  List<LedgerEntry> holdEntries(Collection<UUID> holds) {
    if (holds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql("select * from credit_entries where hold_id in (:holds) order by id")
        .param("holds", holds)
        .query(LedgerReads::entry)
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
    return query.query(LedgerReads::entry).list();
  }

  /** The user's holds that have not ended yet. */
  List<LedgerEntry> openHolds(UserId user) {
    return jdbc.sql("""
            select * from credit_entries h
             where h.user_id = ? and h.kind = 'hold'
               and not exists (select 1 from credit_entries e where e.hold_id = h.hold_id and e.kind <> 'hold')
             order by h.id desc""").param(user.value()).query(LedgerReads::entry).list();
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
