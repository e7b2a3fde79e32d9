package app.kinora.billing.internal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.billing.BillingProperties;
import app.kinora.billing.StripeStub;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checkout Session creation through stripe-java, against a local stub of Stripe's API. */
class StripeGatewayIntegrationTest {

  private static final BillingProperties.Pack PACK =
      new BillingProperties.Pack("studio", "500 credits", 500, 2000, "eur");
  private static final String EMAIL = "buyer@kinora.test";

  private WireMockServer stripe;

  @BeforeEach
  void startStripe() {
    stripe = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    stripe.start();
    stripe.stubFor(post("/v1/checkout/sessions")
        .willReturn(aResponse()
            .withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("""
            {"id": "cs_test_a1", "object": "checkout.session", "mode": "payment", "payment_status": "unpaid",
             "url": "https://checkout.stripe.com/c/pay/cs_test_a1"}""")));
  }

  @AfterEach
  void stopStripe() {
    stripe.stop();
  }

  @Test
  void opensAHostedCheckoutForThePackAndSendsNoPersonalData() {
    var session = gateway(false)
        .createCheckout(
            PACK,
            "https://kinora.test/credits/checkout/success?session_id={CHECKOUT_SESSION_ID}",
            "https://kinora.test/credits/checkout/cancel",
            EMAIL);

    assertThat(session)
        .isEqualTo(new StripeGateway.CheckoutSession(
            "cs_test_a1", "https://checkout.stripe.com/c/pay/cs_test_a1"));
    stripe.verify(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
        .withHeader("Authorization", containing(StripeStub.SECRET_KEY))
        .withHeader("Idempotency-Key", matching(".+")));
    var form = sentForm();
    assertThat(form)
        .containsExactlyInAnyOrder(
            "mode=payment",
            "success_url=https://kinora.test/credits/checkout/success?session_id={CHECKOUT_SESSION_ID}",
            "cancel_url=https://kinora.test/credits/checkout/cancel",
            "line_items[0][quantity]=1",
            "line_items[0][price_data][currency]=eur",
            "line_items[0][price_data][unit_amount]=2000",
            "line_items[0][price_data][product_data][name]=Kinora 500 credits");
  }

  @Test
  void passesTheEmailOnlyWhenTheOperatorEnablesIt() {
    gateway(true)
        .createCheckout(PACK, "https://kinora.test/ok", "https://kinora.test/cancel", EMAIL);

    assertThat(sentForm()).contains("customer_email=" + EMAIL).hasSize(8);
  }

  @Test
  void saysSoWhenStripeRefuses() {
    stripe.stubFor(post("/v1/checkout/sessions")
        .willReturn(aResponse()
            .withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withBody("""
            {"error": {"type": "invalid_request_error", "message": "Invalid currency: xyz"}}""")));

    assertThatThrownBy(() -> gateway(false)
            .createCheckout(PACK, "https://kinora.test/ok", "https://kinora.test/c", EMAIL))
        .isInstanceOf(StripeGateway.PaymentsUnavailable.class)
        .hasMessageContaining("Invalid currency");
  }

  @Test
  void withoutASecretKeyNothingIsSentAndCheckoutIsRefused() {
    var unconfigured = new StripeGateway(properties(null, false));

    assertThat(unconfigured.configured()).isFalse();
    assertThatThrownBy(() -> unconfigured.createCheckout(
            PACK, "https://kinora.test/ok", "https://kinora.test/c", EMAIL))
        .isInstanceOf(StripeGateway.PaymentsUnavailable.class);
    assertThat(stripe.getAllServeEvents()).isEmpty();
  }

  private StripeGateway gateway(boolean sendEmail) {
    return new StripeGateway(properties(StripeStub.SECRET_KEY, sendEmail));
  }

  private BillingProperties properties(String key, boolean sendEmail) {
    return new BillingProperties(
        20,
        100,
        100,
        null,
        List.of(PACK),
        new BillingProperties.Stripe(
            key, "whsec_x", stripe.baseUrl(), sendEmail, Duration.ofMinutes(5)),
        20);
  }

  private List<String> sentForm() {
    var requests = stripe.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions")));
    assertThat(requests).hasSize(1);
    return List.of(requests.getFirst().getBodyAsString().split("&")).stream()
        .map(pair -> URLDecoder.decode(pair, StandardCharsets.UTF_8))
        .toList();
  }
}
