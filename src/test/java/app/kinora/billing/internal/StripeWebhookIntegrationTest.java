package app.kinora.billing.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import app.kinora.billing.InsufficientCredits;
import app.kinora.billing.PriceRequest;
import app.kinora.billing.StripeStub;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import com.stripe.net.Webhook;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stripe's webhooks, signed for real with stripe-java's own signing utility and the test secret:
 * credits granted once, whatever the duplicates and the order; bad signatures refused.
 */
class StripeWebhookIntegrationTest extends IntegrationTest {

  private static final long PACK_CREDITS = 500;
  private static final long PACK_AMOUNT = 2000;

  @Autowired
  Payments payments;

  @Autowired
  CreditLedger ledger;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  private UserId buyer;
  private String session;
  private String intent;
  private Credits starting;

  @BeforeEach
  void aCheckoutWasOpened() {
    buyer = TestAccounts.newUser(jdbc, "USER");
    starting = ledger.balance(buyer).balance();
    session = "cs_test_" + UUID.randomUUID().toString().replace("-", "");
    intent = "pi_test_" + UUID.randomUUID().toString().replace("-", "");
    payments.opened(session, buyer, "studio", PACK_CREDITS, PACK_AMOUNT, "eur");
  }

  @AfterEach
  void cachedSumsAlwaysMatchTheLedger() {
    assertLedgerReconciles(jdbc);
  }

  @Test
  void grantsThePacksCreditsOnceForAPaidCheckoutHoweverOftenItIsReported() throws Exception {
    var completed = completed("evt_" + UUID.randomUUID(), "paid");

    assertThat(post(completed).statusCode()).isEqualTo(200);
    assertThat(post(completed).body()).isEqualTo("Already processed.");
    // the same fact under another event id, as async confirmations do
    assertThat(post(asyncSucceeded("evt_" + UUID.randomUUID())).statusCode()).isEqualTo(200);

    assertThat(purchased()).isEqualTo(PACK_CREDITS);
    assertThat(count(jdbc, buyer, "purchase")).isEqualTo(1);
    var payment = payments.owned(buyer, session).orElseThrow();
    assertThat(payment.status()).isEqualTo("paid");
    assertThat(payment.paymentIntentId()).isEqualTo(intent);
    assertThat(payment.customerId()).isEqualTo("cus_test_1");
  }

  @Test
  void refusesUnsignedBadlySignedTamperedAndStaleEventsWith400AndGrantsNothing() throws Exception {
    var event = completed("evt_" + UUID.randomUUID(), "paid");
    var now = Instant.now().getEpochSecond();

    assertThat(send(event, null).statusCode()).isEqualTo(400);
    assertThat(
            send(event, Webhook.Signature.generateSignatureHeader(event, "whsec_someone_else", now))
                .statusCode())
        .isEqualTo(400);
    var signed = Webhook.Signature.generateSignatureHeader(event, StripeStub.WEBHOOK_SECRET, now);
    assertThat(send(event.replace("\"paid\"", "\"paid\" "), signed).statusCode())
        .isEqualTo(400);
    var stale =
        Webhook.Signature.generateSignatureHeader(event, StripeStub.WEBHOOK_SECRET, now - 301);
    assertThat(send(event, stale).statusCode()).isEqualTo(400);

    assertThat(purchased()).isZero();
    assertThat(payments.owned(buyer, session).orElseThrow().status()).isEqualTo("open");
    // a refused event is not remembered: the genuine delivery still counts
    assertThat(post(event).statusCode()).isEqualTo(200);
    assertThat(purchased()).isEqualTo(PACK_CREDITS);
  }

  @Test
  void grantsADelayedPaymentOnlyWhenItSucceeds() throws Exception {
    post(completed("evt_" + UUID.randomUUID(), "unpaid"));
    assertThat(purchased()).isZero();
    assertThat(payments.owned(buyer, session).orElseThrow().status()).isEqualTo("processing");

    post(asyncSucceeded("evt_" + UUID.randomUUID()));
    assertThat(purchased()).isEqualTo(PACK_CREDITS);
  }

  @Test
  void aFailedDelayedPaymentGrantsNothing() throws Exception {
    post(completed("evt_" + UUID.randomUUID(), "unpaid"));
    post(sessionEvent(
        "evt_" + UUID.randomUUID(), "checkout.session.async_payment_failed", "unpaid"));

    assertThat(purchased()).isZero();
    assertThat(payments.owned(buyer, session).orElseThrow().status()).isEqualTo("failed");
  }

  @Test
  void aRefundThatArrivesBeforeThePaymentIsStillClawedBack() throws Exception {
    post(refunded("evt_" + UUID.randomUUID(), PACK_AMOUNT / 2));
    assertThat(ledger.balance(buyer).balance()).isEqualTo(starting);

    post(completed("evt_" + UUID.randomUUID(), "paid"));

    assertThat(count(jdbc, buyer, "purchase")).isEqualTo(1);
    assertThat(ledger.balance(buyer).balance())
        .isEqualTo(starting.plus(Credits.of(PACK_CREDITS / 2)));
  }

  @Test
  void refundsClawBackProportionallyOnceEachAndMayLeaveTheBalanceNegativeWhichBlocksNewWork()
      throws Exception {
    post(completed("evt_" + UUID.randomUUID(), "paid"));
    ledger.adjust(
        buyer, Credits.of(-starting.value() - PACK_CREDITS + 10), "spent it", "operator:test");

    post(refunded("evt_" + UUID.randomUUID(), PACK_AMOUNT / 4));
    assertThat(ledger.balance(buyer).balance()).isEqualTo(Credits.of(10 - PACK_CREDITS / 4));
    var full = refunded("evt_" + UUID.randomUUID(), PACK_AMOUNT);
    post(full);
    post(full);
    // an older event reporting less refunded arrives late: nothing changes
    post(refunded("evt_" + UUID.randomUUID(), PACK_AMOUNT / 4));

    assertThat(ledger.balance(buyer).balance()).isEqualTo(Credits.of(10 - PACK_CREDITS));
    assertThat(count(jdbc, buyer, "refund")).isEqualTo(2);
    assertThatThrownBy(() -> holdForAVideo())
        .isInstanceOf(InsufficientCredits.class)
        .hasMessageContaining("Insufficient credits");
  }

  @Test
  void aDisputeTakesTheCreditsBackAndFreezesTheAccount() throws Exception {
    post(completed("evt_" + UUID.randomUUID(), "paid"));
    post(refunded("evt_" + UUID.randomUUID(), PACK_AMOUNT / 2));

    post("""
        {"id": "%s", "object": "event", "type": "charge.dispute.created",
         "data": {"object": {"id": "dp_test_1", "object": "dispute", "charge": "ch_test_1",
                             "payment_intent": "%s", "amount": %d, "currency": "eur", "status": "needs_response"}}}""".formatted("evt_" + UUID.randomUUID(), intent, PACK_AMOUNT));

    var balance = ledger.balance(buyer);
    assertThat(balance.balance()).isEqualTo(starting);
    assertThat(balance.frozen()).isTrue();
    assertThat(count(jdbc, buyer, "chargeback")).isEqualTo(1);
    assertThatThrownBy(() -> holdForAVideo())
        .isInstanceOf(InsufficientCredits.class)
        .hasMessageContaining("frozen");
  }

  @Test
  void anEventForACheckoutKinoraDidNotOpenChangesNothing() throws Exception {
    var foreign =
        completed("evt_" + UUID.randomUUID(), "paid").replace(session, "cs_test_not_ours");
    assertThat(post(foreign).statusCode()).isEqualTo(200);
    assertThat(purchased()).isZero();
  }

  private void holdForAVideo() {
    transactions.executeWithoutResult(tx -> ledger.hold(
        buyer,
        new HoldId(UUID.randomUUID()),
        new PriceRequest("kinora-local", 2, new VideoSize(480, 480), false),
        "video_test"));
  }

  private long purchased() {
    return jdbc.sql(
            "select coalesce(sum(amount), 0) from credit_entries where user_id = ? and kind = 'purchase'")
        .param(buyer.value())
        .query(Long.class)
        .single();
  }

  private String completed(String eventId, String paymentStatus) {
    return sessionEvent(eventId, "checkout.session.completed", paymentStatus);
  }

  private String asyncSucceeded(String eventId) {
    return sessionEvent(eventId, "checkout.session.async_payment_succeeded", "paid");
  }

  private String sessionEvent(String eventId, String type, String paymentStatus) {
    return """
        {"id": "%s", "object": "event", "api_version": "2025-09-30.clover", "created": %d, "type": "%s",
         "data": {"object": {"id": "%s", "object": "checkout.session", "mode": "payment", "amount_total": %d,
                             "currency": "eur", "customer": "cus_test_1", "payment_intent": "%s",
                             "payment_status": "%s", "status": "complete"}}}""".formatted(
        eventId, Instant.now().getEpochSecond(), type, session, PACK_AMOUNT, intent, paymentStatus);
  }

  private String refunded(String eventId, long amountRefunded) {
    return """
        {"id": "%s", "object": "event", "type": "charge.refunded",
         "data": {"object": {"id": "ch_test_1", "object": "charge", "amount": %d, "amount_refunded": %d,
                             "currency": "eur", "payment_intent": "%s", "refunded": %s,
                             "receipt_url": "https://pay.stripe.com/receipts/test"}}}""".formatted(
            eventId, PACK_AMOUNT, amountRefunded, intent, amountRefunded == PACK_AMOUNT);
  }

  private HttpResponse<String> post(String event) throws Exception {
    return send(event, Webhook.Signature.generateSignatureHeader(event, StripeStub.WEBHOOK_SECRET));
  }

  private HttpResponse<String> send(String event, String signature) throws Exception {
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/stripe/webhook"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(event));
    if (signature != null) {
      request.header("Stripe-Signature", signature);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
