package app.kinora.billing;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * What a model costs Kinora at its platform, per second of video in US dollars, when the
 * platform says. Implemented by the module that knows the models; billing derives the price of a
 * model the price table does not name from it, with the configured markup.
 */
public interface ProviderCosts {

  Optional<BigDecimal> usdPerSecond(String model);
}
