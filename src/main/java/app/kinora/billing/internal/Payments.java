package app.kinora.billing.internal;

import app.kinora.shared.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code stripe_payments}, {@code stripe_charges} and {@code stripe_events}. */
@Repository
class Payments {

  private final JdbcClient jdbc;

  Payments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A Checkout Session we opened, as far as Stripe's events have told us. */
  record Payment(
      String sessionId,
      UserId user,
      String pack,
      long credits,
      long amount,
      String currency,
      String status,
      String customerId,
      String paymentIntentId,
      Instant createdAt,
      Instant updatedAt) {}

  /** What charge events said about a payment intent. */
  record ChargeFacts(
      String paymentIntentId, long amountRefunded, boolean disputed, String receiptUrl) {}

  /** Records a checkout session Kinora opened; false when the id is already known (Stripe never repeats one). */
  boolean opened(
      String sessionId, UserId user, String pack, long credits, long amount, String currency) {
    return jdbc.sql("""
            insert into stripe_payments (checkout_session_id, user_id, pack, credits, amount, currency, status)
            values (?, ?, ?, ?, ?, ?, 'open') on conflict do nothing""")
            .params(sessionId, user.value(), pack, credits, amount, currency)
            .update()
        == 1;
  }

  /** Records an event id; false if it was seen before (a replay or a duplicate delivery). */
  boolean firstDelivery(String eventId, String type) {
    return jdbc.sql("insert into stripe_events (id, type) values (?, ?) on conflict do nothing")
            .params(eventId, type)
            .update()
        == 1;
  }

  Optional<Payment> lock(String sessionId) {
    return jdbc.sql("select * from stripe_payments where checkout_session_id = ? for update")
        .param(sessionId)
        .query(Payments::payment)
        .optional();
  }

  Optional<Payment> byPaymentIntent(String paymentIntent) {
    return jdbc.sql("select * from stripe_payments where payment_intent_id = ? for update")
        .param(paymentIntent)
        .query(Payments::payment)
        .optional();
  }

  Optional<Payment> owned(UserId user, String sessionId) {
    return jdbc.sql("select * from stripe_payments where checkout_session_id = ? and user_id = ?")
        .params(sessionId, user.value())
        .query(Payments::payment)
        .optional();
  }

  List<Payment> of(UserId user) {
    return jdbc.sql(
            "select * from stripe_payments where user_id = ? order by created_at desc limit 50")
        .param(user.value())
        .query(Payments::payment)
        .list();
  }

  /** Stores what a session event said; a paid payment never goes back to an earlier status. */
  void update(String sessionId, String status, String customerId, String paymentIntent) {
    jdbc.sql("""
            update stripe_payments
               set status = case when status = 'paid' then status else :status end,
                   customer_id = coalesce(:customer, customer_id),
                   payment_intent_id = coalesce(:intent, payment_intent_id),
                   updated_at = now()
             where checkout_session_id = :session""")
        .param("status", status)
        .param("customer", customerId)
        .param("intent", paymentIntent)
        .param("session", sessionId)
        .update();
  }

  /** Refunds only grow: an older event reporting less changes nothing. */
  void refunded(String paymentIntent, long amountRefunded, String receiptUrl) {
    jdbc.sql("""
            insert into stripe_charges (payment_intent_id, amount_refunded, receipt_url) values (?, ?, ?)
            on conflict (payment_intent_id) do update
               set amount_refunded = greatest(stripe_charges.amount_refunded, excluded.amount_refunded),
                   receipt_url = coalesce(excluded.receipt_url, stripe_charges.receipt_url), updated_at = now()""").params(paymentIntent, amountRefunded, receiptUrl).update();
  }

  void disputed(String paymentIntent) {
    jdbc.sql("""
            insert into stripe_charges (payment_intent_id, disputed_at) values (?, now())
            on conflict (payment_intent_id) do update
               set disputed_at = coalesce(stripe_charges.disputed_at, now()), updated_at = now()""").param(paymentIntent).update();
  }

  Optional<ChargeFacts> charge(String paymentIntent) {
    return jdbc.sql("select * from stripe_charges where payment_intent_id = ?")
        .param(paymentIntent)
        .query((rs, n) -> new ChargeFacts(
            rs.getString("payment_intent_id"),
            rs.getLong("amount_refunded"),
            rs.getTimestamp("disputed_at") != null,
            rs.getString("receipt_url")))
        .optional();
  }

  private static Payment payment(ResultSet rs, int row) throws SQLException {
    return new Payment(
        rs.getString("checkout_session_id"),
        new UserId(rs.getObject("user_id", UUID.class)),
        rs.getString("pack"),
        rs.getLong("credits"),
        rs.getLong("amount"),
        rs.getString("currency"),
        rs.getString("status"),
        rs.getString("customer_id"),
        rs.getString("payment_intent_id"),
        rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
