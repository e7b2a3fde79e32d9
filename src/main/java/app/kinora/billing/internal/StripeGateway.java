package app.kinora.billing.internal;

import app.kinora.billing.BillingProperties;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import com.stripe.param.checkout.SessionCreateParams.LineItem;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Kinora's calls to Stripe's API through stripe-java. A Checkout Session carries the pack's
 * name, price and the return addresses — and the customer's email only when the operator
 * enables it; card details are typed on Stripe's hosted page and never reach Kinora.
 */
@Component
class StripeGateway {

  private final BillingProperties.Stripe settings;
  private final StripeClient client;

  StripeGateway(BillingProperties properties) {
    this.settings = properties.stripe();
    this.client = settings.configured()
        ? StripeClient.builder()
            .setApiKey(settings.secretKey())
            .setApiBase(settings.apiBase())
            .setMaxNetworkRetries(2)
            .build()
        : null;
  }

  boolean configured() {
    return client != null;
  }

  /** A hosted Checkout page for the pack: the session's id and the page's address. */
  CheckoutSession createCheckout(
      BillingProperties.Pack pack, String successUrl, String cancelUrl, String email) {
    if (client == null) {
      throw new PaymentsUnavailable("Payments are not configured on this server.");
    }
    var params = SessionCreateParams.builder()
        .setMode(SessionCreateParams.Mode.PAYMENT)
        .setSuccessUrl(successUrl)
        .setCancelUrl(cancelUrl)
        .addLineItem(LineItem.builder()
            .setQuantity(1L)
            .setPriceData(LineItem.PriceData.builder()
                .setCurrency(pack.currency())
                .setUnitAmount(pack.amount())
                .setProductData(LineItem.PriceData.ProductData.builder()
                    .setName("Kinora " + pack.name())
                    .build())
                .build())
            .build());
    if (settings.sendCustomerEmail() && email != null) {
      params.setCustomerEmail(email);
    }
    try {
      var options = RequestOptions.builder()
          .setIdempotencyKey(UUID.randomUUID().toString())
          .build();
      var session = client.v1().checkout().sessions().create(params.build(), options);
      return new CheckoutSession(session.getId(), session.getUrl());
    } catch (StripeException e) {
      throw new PaymentsUnavailable("Stripe did not open a checkout page: " + e.getMessage(), e);
    }
  }

  /** The hosted receipt of the payment's charge, if Stripe has one. */
  Optional<String> receiptUrl(String paymentIntent) {
    if (client == null) {
      return Optional.empty();
    }
    try {
      var charges = client
          .v1()
          .charges()
          .list(com.stripe.param.ChargeListParams.builder()
              .setPaymentIntent(paymentIntent)
              .setLimit(1L)
              .build());
      return charges.getData().stream().findFirst().map(com.stripe.model.Charge::getReceiptUrl);
    } catch (StripeException e) {
      return Optional.empty();
    }
  }

  record CheckoutSession(String id, String url) {}

  /** Payments cannot be taken now: not configured, or Stripe refused. */
  static class PaymentsUnavailable extends RuntimeException {
    PaymentsUnavailable(String message) {
      super(message);
    }

    PaymentsUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
