package app.kinora.generation.internal;

import app.kinora.generation.GenerationProperties;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.provider.ModelCatalog;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSpec;
import java.security.SecureRandom;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Checks a requested spec against its model and fills in what the request left open: the
 * default model, size and frame rate, a random seed, sound and caption where the model can.
 */
@Component
class SpecResolver {

  private static final SecureRandom SEEDS = new SecureRandom();
  private static final Duration DEFAULT_DURATION = Duration.ofSeconds(4);
  private static final int MAX_NEGATIVE_PROMPT = 1000;

  private final ModelCatalog catalog;
  private final GenerationProperties properties;

  SpecResolver(ModelCatalog catalog, GenerationProperties properties) {
    this.catalog = catalog;
    this.properties = properties;
  }

  /** The model a request names, or the default one. */
  ModelDescriptor model(String requested) {
    var id =
        requested == null || requested.isBlank() ? properties.defaultModel() : requested.strip();
    return catalog
        .find(id)
        .orElseThrow(() -> new InvalidGenerationRequest(
            "model",
            "model_not_found",
            "The model '%s' does not exist. Available: %s."
                .formatted(
                    id,
                    String.join(
                        ", ", catalog.models().stream().map(ModelDescriptor::id).toList()))));
  }

  VideoSpec<GenerationReferences> resolve(
      VideoSpec<GenerationReferences> requested, ModelDescriptor model) {
    var duration = requested.duration() == null ? DEFAULT_DURATION : requested.duration();
    var size = requested.size() == null ? model.defaultSize() : requested.size();
    var prompt = prompt(requested.prompt());
    model.secondsRefusal((int) duration.toSeconds()).ifPresent(reason -> {
      throw new InvalidGenerationRequest("seconds", "invalid_seconds", reason);
    });
    model.sizeRefusal(size).ifPresent(reason -> {
      throw new InvalidGenerationRequest("size", "invalid_size", reason);
    });
    return requested.toBuilder()
        .model(model.id())
        .prompt(prompt)
        .negativePrompt(negativePrompt(requested.negativePrompt(), model))
        .duration(duration)
        .size(size)
        .framesPerSecond(framesPerSecond(requested.framesPerSecond(), model))
        .seed(requested.seed() != null ? requested.seed() : SEEDS.nextLong(0, 1L << 48))
        .generateAudio(model.can(Capability.AUDIO_GENERATION)
            && !Boolean.FALSE.equals(requested.generateAudio()))
        .caption(model.can(Capability.CAPTION) && !Boolean.FALSE.equals(requested.caption()))
        .promptInCredentials(Boolean.TRUE.equals(requested.promptInCredentials()))
        .references(
            requested.references() == null ? GenerationReferences.NONE : requested.references())
        .build();
  }

  private String prompt(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new InvalidGenerationRequest(
          "prompt", "missing_prompt", "Describe the video you want in the prompt.");
    }
    var text = prompt.strip();
    if (text.length() > properties.maxPromptLength()) {
      throw new InvalidGenerationRequest(
          "prompt",
          "prompt_too_long",
          "The prompt is longer than %d characters.".formatted(properties.maxPromptLength()));
    }
    return text;
  }

  /** What to avoid: only for a model that takes it, at most 1000 characters; blank means none. */
  private static String negativePrompt(String requested, ModelDescriptor model) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    if (!model.can(Capability.NEGATIVE_PROMPT)) {
      throw new InvalidGenerationRequest(
          "negative_prompt",
          "unsupported_parameter",
          "%s does not take a negative prompt.".formatted(model.displayName()));
    }
    var text = requested.strip();
    if (text.length() > MAX_NEGATIVE_PROMPT) {
      throw new InvalidGenerationRequest(
          "negative_prompt",
          "negative_prompt_too_long",
          "Say what to avoid in at most %d characters.".formatted(MAX_NEGATIVE_PROMPT));
    }
    return text;
  }

  private static int framesPerSecond(Integer requested, ModelDescriptor model) {
    if (requested == null) {
      return model.defaultFramesPerSecond();
    }
    if (!model.framesPerSecond().contains(requested)) {
      throw new InvalidGenerationRequest(
          "fps",
          "invalid_fps",
          "%s renders at %s frames per second, not %d."
              .formatted(
                  model.id(),
                  String.join(
                      " or ",
                      model.framesPerSecond().stream().map(String::valueOf).toList()),
                  requested));
    }
    return requested;
  }
}
