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
  private final PlatformPauses pauses;
  private final TransferLog transfers;

  PlatformStates(
      ModelCatalog catalog,
      Resilience resilience,
      ProviderProperties properties,
      PlatformPauses pauses,
      TransferLog transfers) {
    this.pauses = pauses;
    this.transfers = transfers;
    this.catalog = catalog;
    this.resilience = resilience;
    this.properties = properties;
  }

  @Override
  public List<Platform> platforms() {
    var states = resilience.states();
    var paused = pauses.all();
    return catalog.remoteProviders().entrySet().stream()
        .map(entry -> new Platform(
            entry.getKey(),
            entry.getValue().info().name(),
            entry.getValue().info().country(),
            !paused.containsKey(entry.getKey()) && resilience.available(entry.getKey()),
            states.getOrDefault(entry.getKey(), "CLOSED"),
            paused.get(entry.getKey())))
        .toList();
  }

  @Override
  public boolean pause(String platform, String reason) {
    if (!catalog.remoteProviders().containsKey(platform)) {
      throw new IllegalArgumentException("No such platform is configured.");
    }
    return pauses.pause(platform, reason);
  }

  @Override
  public boolean resume(String platform) {
    return pauses.resume(platform);
  }

  @Override
  public List<UnknownRoute> unknownRoutes() {
    return catalog.unknownRoutes();
  }

  @Override
  public Map<String, Long> unconfirmedSince(java.time.Instant since) {
    return transfers.unconfirmedSince(since);
  }

  @Override
  public List<RecentFailure> recentFailures(int limit) {
    return transfers.recentFailures(limit);
  }

  @Override
  public Map<String, List<String>> routes() {
    var routes = new LinkedHashMap<String, List<String>>();
    properties.models().forEach((alias, config) -> routes.put(alias, config.routes()));
    return routes;
  }
}
