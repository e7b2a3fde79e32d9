package app.kinora.provider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class PlatformStates implements PlatformStatus {

  private final ModelCatalog catalog;
  private final Resilience resilience;
  private final ProviderProperties properties;

  PlatformStates(ModelCatalog catalog, Resilience resilience, ProviderProperties properties) {
    this.catalog = catalog;
    this.resilience = resilience;
    this.properties = properties;
  }

  @Override
  public List<Platform> platforms() {
    var states = resilience.states();
    return catalog.remoteProviders().entrySet().stream()
        .map(entry -> new Platform(
            entry.getKey(),
            entry.getValue().info().name(),
            entry.getValue().info().country(),
            resilience.available(entry.getKey()),
            states.getOrDefault(entry.getKey(), "CLOSED")))
        .toList();
  }

  @Override
  public Map<String, List<String>> routes() {
    var routes = new LinkedHashMap<String, List<String>>();
    properties.models().forEach((alias, config) -> routes.put(alias, config.routes()));
    return routes;
  }
}
