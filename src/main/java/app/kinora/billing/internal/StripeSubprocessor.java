package app.kinora.billing.internal;

import app.kinora.privacy.spi.Subprocessor;
import app.kinora.privacy.spi.SubprocessorSource;
import java.util.List;
import org.springframework.stereotype.Component;

/** With payments on, Stripe takes the payments on its own page: the policy lists it. */
@Component
class StripeSubprocessor implements SubprocessorSource {

  private final StripeGateway stripe;

  StripeSubprocessor(StripeGateway stripe) {
    this.stripe = stripe;
  }

  @Override
  public List<Subprocessor> subprocessors() {
    return stripe.configured()
        ? List.of(new Subprocessor(
            "Stripe", "Takes card payments for credit packs on its own page", "United States"))
        : List.of();
  }
}
