package app.kinora.provider;

import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.VideoProvider;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Every model Kinora offers, and the provider that serves each. */
@Service
public class ModelCatalog {

  private final Map<String, VideoProvider> providersByModel = new LinkedHashMap<>();
  private final Map<String, ModelDescriptor> models = new LinkedHashMap<>();

  ModelCatalog(List<VideoProvider> providers) {
    for (var provider : providers) {
      for (var model : provider.models()) {
        if (providersByModel.putIfAbsent(model.id(), provider) != null) {
          throw new IllegalStateException("model " + model.id() + " is offered by two providers");
        }
        models.put(model.id(), model);
      }
    }
  }

  public List<ModelDescriptor> models() {
    return List.copyOf(models.values());
  }

  public Optional<ModelDescriptor> find(String modelId) {
    return Optional.ofNullable(models.get(modelId));
  }

  /** The provider for a model known to this catalog. */
  public VideoProvider providerFor(String modelId) {
    var provider = providersByModel.get(modelId);
    if (provider == null) {
      throw new IllegalArgumentException("unknown model " + modelId);
    }
    return provider;
  }
}
