package app.kinora.provider;

import app.kinora.provider.spi.LocalVideoProvider;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.RemoteVideoProvider;
import app.kinora.provider.spi.VideoProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Every model Kinora offers: the local renderer's models, and each configured alias whose chain
 * has at least one enabled route. An alias shows the abilities of its first enabled route; the
 * later routes take over only requests they can serve too.
 */
@Service
public class ModelCatalog {

  private static final Logger log = LoggerFactory.getLogger(ModelCatalog.class);
  private static final Set<String> ADAPTERS = Set.of(
      "openrouter",
      "fal",
      "replicate",
      "gemini",
      "openai-gateway",
      "comfyui",
      "runway",
      "luma",
      "kling",
      "minimax",
      "vertex");

  private final Map<String, LocalVideoProvider> local = new LinkedHashMap<>();
  private final Map<String, ModelDescriptor> localModels = new LinkedHashMap<>();
  private final Map<String, RemoteVideoProvider> remote = new LinkedHashMap<>();
  private final Map<String, ProviderProperties.Alias> aliases;

  ModelCatalog(List<VideoProvider> providers, ProviderProperties properties) {
    for (var provider : providers) {
      switch (provider) {
        case LocalVideoProvider renderer ->
          provider.models().forEach(model -> {
            if (local.putIfAbsent(model.id(), renderer) != null) {
              throw new IllegalStateException(
                  "model " + model.id() + " is offered by two providers");
            }
            localModels.put(model.id(), model);
          });
        case RemoteVideoProvider adapter -> remote.put(adapter.id(), adapter);
        default ->
          throw new IllegalStateException(
              "provider " + provider.id() + " is neither local nor remote");
      }
    }
    this.aliases = new LinkedHashMap<>(properties.models());
    aliases.forEach((alias, config) -> check(alias, config));
    unknownRoutes()
        .forEach(unknown -> log.warn(
            "Model {}: its route {} names a model that {} does not offer (retired, or mistyped);"
                + " its other routes serve it. {} offers: {}",
            unknown.alias(),
            unknown.route(),
            unknown.platform(),
            unknown.platform(),
            unknown.offered().isEmpty() ? "no model" : String.join(", ", unknown.offered())));
  }

  private void check(String alias, ProviderProperties.Alias config) {
    if (local.containsKey(alias)) {
      throw new IllegalStateException("model alias " + alias + " hides a local model");
    }
    for (var route : config.routes()) {
      var provider = route.contains(":") ? route.substring(0, route.indexOf(':')) : "";
      if (!ADAPTERS.contains(provider)) {
        throw new IllegalStateException(
            "route " + route + " of " + alias + " names no known provider; use one of " + ADAPTERS);
      }
    }
    if (routes(alias).isEmpty()) {
      log.info("Model {} is off: none of its routes {} is enabled", alias, config.routes());
    }
  }

  public List<ModelDescriptor> models() {
    var models = new ArrayList<>(localModels.values());
    aliases.keySet().forEach(alias -> find(alias).ifPresent(models::add));
    return List.copyOf(models);
  }

  /**
   * Whether a model's videos are made by a trained model on a platform: every alias is, the local
   * renderer (a program) is not.
   */
  public boolean isTrainedModel(String modelId) {
    return !local.containsKey(modelId);
  }

  public Optional<ModelDescriptor> find(String modelId) {
    if (localModels.containsKey(modelId)) {
      return Optional.of(localModels.get(modelId));
    }
    var alias = aliases.get(modelId);
    if (alias == null) {
      return Optional.empty();
    }
    return routes(modelId).stream()
        .findFirst()
        .map(first -> first
            .model()
            .as(
                modelId,
                blankToNull(alias.name()) != null ? alias.name() : first.model().displayName(),
                blankToNull(alias.description()) != null
                    ? alias.description()
                    : first.model().description()));
  }

  Optional<LocalVideoProvider> localProvider(String modelId) {
    return Optional.ofNullable(local.get(modelId));
  }

  /** The alias's enabled routes, in order: the platform is configured and knows the model. */
  List<Route> routes(String alias) {
    var config = aliases.get(alias);
    if (config == null) {
      return List.of();
    }
    var routes = new ArrayList<Route>();
    for (var route : config.routes()) {
      var providerId = route.substring(0, route.indexOf(':'));
      var modelId = route.substring(route.indexOf(':') + 1);
      Optional.ofNullable(remote.get(providerId))
          .ifPresent(provider -> provider.models().stream()
              .filter(model -> model.id().equals(modelId))
              .findFirst()
              .ifPresent(model -> routes.add(new Route(provider, model))));
    }
    return routes;
  }

  /**
   * The routes whose platform is configured but does not offer the model they name, as the
   * platforms' lists stand now (OpenRouter's is the one last fetched).
   */
  List<PlatformStatus.UnknownRoute> unknownRoutes() {
    var unknown = new ArrayList<PlatformStatus.UnknownRoute>();
    aliases.forEach((alias, config) -> config.routes().forEach(route -> {
      var providerId = route.substring(0, route.indexOf(':'));
      var modelId = route.substring(route.indexOf(':') + 1);
      var provider = remote.get(providerId);
      if (provider != null) {
        var offered = provider.models().stream().map(ModelDescriptor::id).toList();
        if (!offered.contains(modelId)) {
          unknown.add(new PlatformStatus.UnknownRoute(alias, route, providerId, offered));
        }
      }
    }));
    return List.copyOf(unknown);
  }

  Map<String, RemoteVideoProvider> remoteProviders() {
    return Map.copyOf(remote);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
