package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationProperties;
import app.kinora.generation.GenerationRequest;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.OutputVariant;
import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.provider.ModelCatalog;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class GenerationService implements Generations {

  private static final SecureRandom SEEDS = new SecureRandom();
  private static final String DEFAULT_SECONDS = "4";

  private static final int MAX_NEGATIVE_PROMPT = 1000;

  private final GenerationRepository repository;
  private final GenerationJob job;
  private final ModelCatalog catalog;
  private final BlobStore blobs;
  private final GenerationProperties properties;
  private final ReferenceCheck references;
  private final CreditLedger credits;
  private final GenerationSettlement settlement;

  GenerationService(
      GenerationRepository repository,
      GenerationJob job,
      ModelCatalog catalog,
      BlobStore blobs,
      GenerationProperties properties,
      ReferenceCheck references,
      CreditLedger credits,
      GenerationSettlement settlement) {
    this.settlement = settlement;
    this.repository = repository;
    this.job = job;
    this.catalog = catalog;
    this.blobs = blobs;
    this.properties = properties;
    this.references = references;
    this.credits = credits;
  }

  @Override
  @Transactional
  public Generation submit(UserId owner, GenerationRequest request) {
    var model = model(request.model());
    var prompt = prompt(request.prompt());
    var seconds = seconds(request.seconds());
    var size = size(request.size(), model);
    model.secondsRefusal(seconds).ifPresent(reason -> {
      throw new InvalidGenerationRequest("seconds", "invalid_seconds", reason);
    });
    model.sizeRefusal(size).ifPresent(reason -> {
      throw new InvalidGenerationRequest("size", "invalid_size", reason);
    });
    var fps = framesPerSecond(request.framesPerSecond(), model);
    var seed = request.seed() != null ? request.seed() : SEEDS.nextLong(0, 1L << 48);
    var audio = model.can(Capability.AUDIO_GENERATION) && !Boolean.FALSE.equals(request.generateAudio());
    var caption = model.can(Capability.CAPTION) && !Boolean.FALSE.equals(request.caption());
    var negativePrompt = negativePrompt(request.negativePrompt(), model);
    var generation =
        new Generation(
            GenerationId.random(), owner, model.id(), prompt, seconds, size, seed, fps, audio, caption,
            GenerationStatus.QUEUED, 0, null, Instant.now().truncatedTo(ChronoUnit.MICROS), null, null,
            references.check(owner, model, request.references()), negativePrompt);
    // the hold is placed in this transaction: no generation without its hold, no hold without it
    credits.hold(owner, new HoldId(generation.id().value()), GenerationSettlement.work(generation), generation.id().apiId());
    repository.insert(generation);
    job.enqueue(generation.id());
    return generation;
  }

  @Override
  public Optional<Generation> find(UserId owner, GenerationId id) {
    return repository.findOwned(owner, id);
  }

  @Override
  public boolean cancel(UserId owner, GenerationId id) {
    return settlement.cancel(owner, id);
  }

  @Override
  public List<Generation> recent(UserId owner, int limit) {
    return repository.recent(owner, limit, false);
  }

  @Override
  public List<Generation> completed(UserId owner) {
    return repository.recent(owner, 500, true);
  }

  @Override
  public Optional<Resource> output(UserId owner, GenerationId id, OutputVariant variant) {
    return repository.outputKey(owner, id, variant).map(BlobKey::new).flatMap(blobs::open);
  }

  @Override
  public List<ModelDescriptor> models() {
    var models = new ArrayList<>(catalog.models());
    models.sort((a, b) -> a.id().equals(properties.defaultModel()) ? -1 : b.id().equals(properties.defaultModel()) ? 1 : 0);
    return models;
  }

  /** What to avoid: only for a model that takes it, at most 1000 characters; blank means none. */
  private static String negativePrompt(String requested, ModelDescriptor model) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    if (!model.can(Capability.NEGATIVE_PROMPT)) {
      throw new InvalidGenerationRequest("negative_prompt", "unsupported_parameter",
          "%s does not take a negative prompt.".formatted(model.displayName()));
    }
    var text = requested.strip();
    if (text.length() > MAX_NEGATIVE_PROMPT) {
      throw new InvalidGenerationRequest("negative_prompt", "negative_prompt_too_long",
          "Say what to avoid in at most %d characters.".formatted(MAX_NEGATIVE_PROMPT));
    }
    return text;
  }

  private ModelDescriptor model(String requested) {
    var id = requested == null || requested.isBlank() ? properties.defaultModel() : requested.strip();
    return catalog
        .find(id)
        .orElseThrow(
            () ->
                new InvalidGenerationRequest(
                    "model",
                    "model_not_found",
                    "The model '%s' does not exist. Available: %s."
                        .formatted(id, String.join(", ", catalog.models().stream().map(ModelDescriptor::id).toList()))));
  }

  private String prompt(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      throw new InvalidGenerationRequest("prompt", "missing_prompt", "Describe the video you want in the prompt.");
    }
    var text = prompt.strip();
    if (text.length() > properties.maxPromptLength()) {
      throw new InvalidGenerationRequest(
          "prompt", "prompt_too_long", "The prompt is longer than %d characters.".formatted(properties.maxPromptLength()));
    }
    return text;
  }

  private static int seconds(String seconds) {
    var text = seconds == null || seconds.isBlank() ? DEFAULT_SECONDS : seconds.strip();
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest(
          "seconds", "invalid_seconds", "seconds must be a whole number such as \"4\", got \"%s\".".formatted(text));
    }
  }

  private static int framesPerSecond(Integer requested, ModelDescriptor model) {
    if (requested == null) {
      return model.defaultFramesPerSecond();
    }
    if (!model.framesPerSecond().contains(requested)) {
      throw new InvalidGenerationRequest(
          "fps", "invalid_fps", "%s renders at %s frames per second, not %d.".formatted(
              model.id(), String.join(" or ", model.framesPerSecond().stream().map(String::valueOf).toList()), requested));
    }
    return requested;
  }

  private static VideoSize size(String size, ModelDescriptor model) {
    if (size == null || size.isBlank()) {
      return model.defaultSize();
    }
    try {
      return VideoSize.parse(size);
    } catch (IllegalArgumentException e) {
      throw new InvalidGenerationRequest("size", "invalid_size", e.getMessage() + ".");
    }
  }
}
