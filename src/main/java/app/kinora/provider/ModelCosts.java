package app.kinora.provider;

import app.kinora.billing.ProviderCosts;
import app.kinora.provider.spi.ModelDescriptor;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The platform's own price per second from each model's descriptor (zero means unknown or free). */
@Component
class ModelCosts implements ProviderCosts {

  private final ModelCatalog catalog;

  ModelCosts(ModelCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public Optional<BigDecimal> usdPerSecond(String model) {
    return catalog
        .find(model)
        .map(ModelDescriptor::pricePerSecond)
        .filter(price -> price.signum() > 0);
  }
}
