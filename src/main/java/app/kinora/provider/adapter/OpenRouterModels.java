package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** OpenRouter's video models: a few known ones, and the descriptors read from {@code /videos/models}. */
final class OpenRouterModels {

  /** Used until {@code /videos/models} has answered once. */
  static final List<ModelDescriptor> KNOWN = List.of(
      ModelDescriptor.ofDurations(
          "google/veo-3.1",
          "Veo 3.1",
          "Google's Veo 3.1 through OpenRouter.",
          List.of(4, 6, 8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          Set.of(
              Capability.FIRST_FRAME,
              Capability.LAST_FRAME,
              Capability.AUDIO_GENERATION,
              Capability.SEED),
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "alibaba/wan-2.6",
          "Wan 2.6",
          "Alibaba's Wan 2.6 through OpenRouter.",
          List.of(5, 10),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.SEED),
          0,
          new BigDecimal("0.04")));

  private OpenRouterModels() {}

  /** A model's capabilities as OpenRouter lists them; models it describes too little of are skipped. */
  static Optional<ModelDescriptor> descriptor(JsonNode model) {
    var id = model.path("id").asString(null);
    var durations = new ArrayList<Integer>();
    model.path("supported_durations").forEach(d -> durations.add(d.asInt()));
    var sizes = new LinkedHashSet<VideoSize>();
    model.path("supported_sizes").forEach(s -> sizes.add(VideoSize.parse(s.asString())));
    for (var resolution : model.path("supported_resolutions")) {
      for (var ratio : model.path("supported_aspect_ratios")) {
        sizes.add(Shapes.size(ratio.asString(), resolution.asString()));
      }
    }
    if (id == null || durations.isEmpty() || sizes.isEmpty()) {
      return Optional.empty();
    }
    var capabilities = EnumSet.noneOf(Capability.class);
    model.path("supported_frame_images").forEach(f -> {
      if (f.asString().equals("first_frame")) {
        capabilities.add(Capability.FIRST_FRAME);
      } else if (f.asString().equals("last_frame")) {
        capabilities.add(Capability.LAST_FRAME);
      }
    });
    if (model.path("generate_audio").asBoolean(false)) {
      capabilities.add(Capability.AUDIO_GENERATION);
    }
    if (model.path("seed").asBoolean(false)) {
      capabilities.add(Capability.SEED);
    }
    var price =
        new BigDecimal(model.path("pricing_skus").path("per-video-second").asString("0"));
    var name = Optional.ofNullable(model.path("name").asString(null)).orElse(id);
    return Optional.of(ModelDescriptor.ofDurations(
        id,
        name,
        name + " through OpenRouter.",
        durations,
        List.copyOf(sizes),
        List.of(24),
        capabilities,
        0,
        price));
  }
}
