package app.kinora.billing.internal;

import app.kinora.billing.Credits;
import app.kinora.billing.internal.LedgerEntry.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Applies verified Stripe events to payments and the ledger. An event id is processed once, in
 * the same transaction as its effect. Events may come in any order: each one records the facts
 * it carries, then the payment is brought in line with everything known so far (credits granted
 * once paid; refunds and disputes clawed back proportionally, whenever they arrive).
 */
@Service
class StripeEvents {

  private static final Logger log = LoggerFactory.getLogger(StripeEvents.class);
  /** Webhooks are few: one at a time keeps "which came first" questions away. */
  private static final long WEBHOOK_LOCK = 0x4b696e6f7261L;

  private final Payments payments;
  private final Ledger ledger;
  private final JdbcClient jdbc;

  StripeEvents(Payments payments, Ledger ledger, JdbcClient jdbc) {
    this.payments = payments;
    this.ledger = ledger;
    this.jdbc = jdbc;
  }

  /** @return false if the event was seen before and changed nothing */
  @Transactional
  boolean apply(JsonNode event) {
    jdbc.sql("select pg_advisory_xact_lock(?)").param(WEBHOOK_LOCK).query(rs -> {});
    var id = event.path("id").asString();
    var type = event.path("type").asString();
    if (id.isBlank() || !payments.firstDelivery(id, type)) {
      return false;
    }
    var object = event.path("data").path("object");
    switch (type) {
      case "checkout.session.completed" ->
        session(object, "paid".equals(text(object, "payment_status")) ? "paid" : "processing");
      case "checkout.session.async_payment_succeeded" -> session(object, "paid");
      case "checkout.session.async_payment_failed" -> session(object, "failed");
      case "checkout.session.expired" -> session(object, "expired");
      case "charge.succeeded", "charge.refunded" -> charge(object);
      case "charge.dispute.created" -> dispute(object);
      default -> log.debug("Stripe event {} of type {} ignored", id, type);
    }
    return true;
  }

  private void session(JsonNode session, String status) {
    var sessionId = text(session, "id");
    var payment = payments.lock(sessionId);
    if (payment.isEmpty()) {
      log.warn("Stripe event for a checkout session Kinora did not open: {}", sessionId);
      return;
    }
    payments.update(sessionId, status, text(session, "customer"), text(session, "payment_intent"));
    settle(sessionId);
  }

  private void charge(JsonNode charge) {
    var intent = text(charge, "payment_intent");
    if (intent == null) {
      return;
    }
    payments.refunded(
        intent, charge.path("amount_refunded").asLong(0), text(charge, "receipt_url"));
    payments.byPaymentIntent(intent).ifPresent(payment -> settle(payment.sessionId()));
  }

  private void dispute(JsonNode dispute) {
    var intent = text(dispute, "payment_intent");
    if (intent == null) {
      return;
    }
    payments.disputed(intent);
    payments.byPaymentIntent(intent).ifPresent(payment -> settle(payment.sessionId()));
  }

  /** Grants a paid payment's credits once, then claws back what refunds and disputes call for. */
  private void settle(String sessionId) {
    var payment = payments.lock(sessionId).orElseThrow();
    if (!"paid".equals(payment.status())) {
      return;
    }
    if (!ledger.recorded(Kind.PURCHASE, sessionId)) {
      ledger.record(
          payment.user(),
          Kind.PURCHASE,
          Credits.of(payment.credits()),
          "Bought " + payment.pack() + " (" + payment.credits() + " credits)",
          sessionId);
    }
    if (payment.paymentIntentId() == null) {
      return;
    }
    payments.charge(payment.paymentIntentId()).ifPresent(facts -> {
      long owed = facts.disputed()
          ? payment.credits()
          : BigDecimal.valueOf(payment.credits())
              .multiply(BigDecimal.valueOf(Math.min(facts.amountRefunded(), payment.amount())))
              .divide(BigDecimal.valueOf(Math.max(payment.amount(), 1)), 0, RoundingMode.HALF_UP)
              .longValueExact();
      long clawedBack = -(ledger.recordedSum(Kind.REFUND, sessionId)
          + ledger.recordedSum(Kind.CHARGEBACK, sessionId));
      if (owed > clawedBack) {
        var kind = facts.disputed() ? Kind.CHARGEBACK : Kind.REFUND;
        var reason =
            facts.disputed() ? "Payment disputed: its credits are taken back" : "Payment refunded";
        ledger.record(payment.user(), kind, Credits.of(clawedBack - owed), reason, sessionId);
      }
      if (facts.disputed()) {
        ledger.freeze(payment.user(), "Payment " + payment.paymentIntentId() + " disputed");
      }
    });
  }

  private static String text(JsonNode node, String field) {
    var value = node.path(field);
    return value.isString() && !value.asString().isBlank() ? value.asString() : null;
  }
}
