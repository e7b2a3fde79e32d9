package app.kinora.provider;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/providers}: each enabled platform and its circuit breaker. Kinora stays
 * UP while a platform is paused (other routes and the local renderer still work); the details
 * tell operators which one.
 */
@Component("providers")
class ProviderHealth implements HealthIndicator {

  private final ModelCatalog catalog;
  private final Resilience resilience;

  ProviderHealth(ModelCatalog catalog, Resilience resilience) {
    this.catalog = catalog;
    this.resilience = resilience;
  }

  @Override
  public Health health() {
    var health = Health.up();
    var states = resilience.states();
    catalog
        .remoteProviders()
        .forEach((id, provider) -> health.withDetail(
            id,
            provider.info() + ", " + (resilience.available(id) ? "available" : "paused")
                + " (circuit " + states.getOrDefault(id, "CLOSED") + ")"));
    return health.build();
  }
}
