package app.kinora.provider.adapter;

import app.kinora.provider.ProviderProperties.PlatformModel;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSize;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * A platform's models as the operator configured them ({@code kinora.provider.<platform>.models})
 * laid over the adapter's own list: an entry with a listed id changes only what it sets, an entry
 * with a new id adds a model, which must then say its durations, sizes and price.
 */
final class ConfiguredModels {

  static final ConfiguredModels NONE = new ConfiguredModels("", List.of());

  private final String platform;
  private final List<PlatformModel> entries;
  private volatile Merged last = new Merged(null, List.of());

  ConfiguredModels(String platform, List<PlatformModel> entries) {
    this.platform = platform;
    this.entries = List.copyOf(entries);
  }

  /**
   * Checks every entry against the adapter's list at start, so that a mistake stops Kinora with a
   * sentence naming the property instead of hiding a model.
   *
   * @throws IllegalStateException naming the property at fault
   */
  void check(List<ModelDescriptor> builtIn) {
    merge(builtIn, true);
  }

  /** The adapter's list with the configured entries applied, in its order, new models last. */
  List<ModelDescriptor> applyTo(List<ModelDescriptor> builtIn) {
    if (entries.isEmpty()) {
      return builtIn;
    }
    var cached = last;
    if (cached.source() == builtIn) { // a fetched list (OpenRouter) is replaced, never changed
      return cached.models();
    }
    var merged = merge(builtIn, false);
    last = new Merged(builtIn, merged);
    return merged;
  }

  /**
   * @param strict whether a new entry lacking what cannot be inherited is an error (at start) or
   *     is left out (a fetched list that dropped the model it corrected)
   */
  private List<ModelDescriptor> merge(List<ModelDescriptor> builtIn, boolean strict) {
    var models = new LinkedHashMap<String, ModelDescriptor>();
    builtIn.forEach(model -> models.put(model.id(), model));
    for (int i = 0; i < entries.size(); i++) {
      var entry = entries.get(i);
      var where = "kinora.provider.%s.models[%d]".formatted(platform, i);
      if (entry.id() == null || entry.id().isBlank()) {
        throw new IllegalStateException(where + ".id is missing: name the platform's model id");
      }
      var base = models.get(entry.id());
      if (base == null && !complete(entry)) {
        if (strict) {
          throw new IllegalStateException(("%s (%s): %s does not list this model, so set its"
                  + " durations (or min-seconds and max-seconds), sizes and price-per-second")
              .formatted(where, entry.id(), platform));
        }
        continue;
      }
      models.put(entry.id(), descriptor(where, base, entry));
    }
    return List.copyOf(models.values());
  }

  private static boolean complete(PlatformModel entry) {
    var seconds = entry.durations() != null && !entry.durations().isEmpty()
        || entry.minSeconds() != null && entry.maxSeconds() != null;
    return seconds
        && entry.sizes() != null
        && !entry.sizes().isEmpty()
        && entry.pricePerSecond() != null;
  }

  private ModelDescriptor descriptor(String where, ModelDescriptor base, PlatformModel entry) {
    var durations = entry.durations() == null || entry.durations().isEmpty()
        ? null
        : entry.durations().stream().sorted().toList();
    var range = entry.minSeconds() != null || entry.maxSeconds() != null;
    if (durations != null && range) {
      throw new IllegalStateException(
          where + ": set either durations or min-seconds and max-seconds, not both");
    }
    var name = entry.name() != null ? entry.name() : base != null ? base.displayName() : entry.id();
    try {
      return new ModelDescriptor(
          entry.id(),
          name,
          entry.description() != null
              ? entry.description()
              : base != null ? base.description() : name + " (" + platform + ").",
          durations != null
              ? durations.getFirst()
              : entry.minSeconds() != null ? entry.minSeconds() : base.minSeconds(),
          durations != null
              ? durations.getLast()
              : entry.maxSeconds() != null ? entry.maxSeconds() : base.maxSeconds(),
          durations != null ? durations : range ? List.of() : base.allowedSeconds(),
          entry.sizes() != null && !entry.sizes().isEmpty()
              ? entry.sizes().stream().map(VideoSize::parse).toList()
              : base.sizes(),
          entry.framesPerSecond() != null && !entry.framesPerSecond().isEmpty()
              ? entry.framesPerSecond()
              : base != null ? base.framesPerSecond() : List.of(24),
          entry.capabilities() != null
              ? entry.capabilities()
              : base != null ? base.capabilities() : Set.of(),
          entry.referenceImages() != null
              ? entry.referenceImages()
              : base != null ? base.maxReferenceImages() : 0,
          entry.pricePerSecond() != null ? entry.pricePerSecond() : base.pricePerSecond());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(
          "%s (%s) is not a usable model: %s".formatted(where, entry.id(), reason(e)), e);
    }
  }

  /** The descriptor's own check names no field: say what the operator can fix. */
  private static String reason(IllegalArgumentException e) {
    return e.getMessage().startsWith("incomplete model descriptor")
        ? "check that min-seconds is at least 1 and at most max-seconds, that every duration lies"
            + " between them, and that reference-images and price-per-second are not negative"
        : e.getMessage();
  }

  private record Merged(List<ModelDescriptor> source, List<ModelDescriptor> models) {}
}
