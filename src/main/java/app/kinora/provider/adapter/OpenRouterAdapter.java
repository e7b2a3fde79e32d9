package app.kinora.provider.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.JobState;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * OpenRouter's video API: {@code POST /videos}, {@code GET /videos/{id}}, {@code GET
 * /videos/{id}/content?index=0}, {@code GET /videos/models}, and signed webhooks
 * ({@code X-OpenRouter-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>}).
 */
public class OpenRouterAdapter extends HttpAdapter implements WebhookVerifier {

  private static final Logger log = LoggerFactory.getLogger(OpenRouterAdapter.class);
  private static final Duration MODELS_TTL = Duration.ofHours(6);
  private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

  private final String apiKey;
  private final String callbackUrl;
  private final String webhookSecret;
  private final Clock clock;
  private final AtomicReference<Catalog> catalog =
      new AtomicReference<>(new Catalog(OpenRouterModels.KNOWN, Instant.EPOCH));
  private final AtomicBoolean refreshing = new AtomicBoolean();

  /**
   * @param callbackUrl where OpenRouter posts job events; null for polling only
   * @param webhookSecret the workspace's signing secret; webhooks are refused without it
   */
  public OpenRouterAdapter(
      ProviderInfo info,
      String baseUrl,
      String apiKey,
      String callbackUrl,
      String webhookSecret,
      HttpTimeouts timeouts,
      Clock clock) {
    super("openrouter", info, baseUrl, timeouts);
    this.apiKey = apiKey;
    this.callbackUrl = webhookSecret == null ? null : callbackUrl;
    this.webhookSecret = webhookSecret;
    this.clock = clock;
  }

  /**
   * The platform's list as last fetched from {@code /videos/models}; when it is older than a few
   * hours a refresh starts in the background, so no page waits for OpenRouter.
   */
  @Override
  protected List<ModelDescriptor> builtInModels() {
    var current = catalog.get();
    if (current.fetchedAt().plus(MODELS_TTL).isBefore(clock.instant())
        && refreshing.compareAndSet(false, true)) {
      Thread.ofVirtual().name("openrouter-models").start(() -> {
        try {
          refreshModels();
        } finally {
          refreshing.set(false);
        }
      });
    }
    return current.models();
  }

  /**
   * Fetches the model list now; keeps the previous one (and retries in a few minutes) if that
   * fails. Returns the models as offered, with the operator's configured entries applied.
   */
  public List<ModelDescriptor> refreshModels() {
    var current = catalog.get();
    try {
      current = new Catalog(fetchModels(), clock.instant());
    } catch (ProviderFailure e) {
      log.warn("OpenRouter's model list is unavailable, keeping the previous one: {}", e.detail());
      current = new Catalog(
          current.models(), clock.instant().minus(MODELS_TTL).plus(Duration.ofMinutes(5)));
    }
    catalog.set(current);
    return models();
  }

  private List<ModelDescriptor> fetchModels() {
    var answer = json(http.get().uri("/videos/models").headers(h -> h.setBearerAuth(apiKey)));
    var models = new ArrayList<ModelDescriptor>();
    for (var model : answer.path("data")) {
      OpenRouterModels.descriptor(model).ifPresent(models::add);
    }
    if (models.isEmpty()) {
      throw malformed("no usable model in /videos/models");
    }
    return List.copyOf(models);
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var body = new LinkedHashMap<String, Object>();
    body.put("model", request.model());
    body.put("prompt", request.prompt());
    body.put("duration", request.duration().toSeconds());
    body.put("resolution", Shapes.resolution(request.size()));
    body.put("aspect_ratio", Shapes.aspectRatio(request.size()));
    var model = models().stream().filter(m -> m.id().equals(request.model())).findFirst();
    if (model.map(m -> m.can(Capability.AUDIO_GENERATION)).orElse(false)) {
      body.put("generate_audio", request.generateAudio());
    }
    if (model.map(m -> m.can(Capability.SEED)).orElse(false)) {
      body.put("seed", request.seed());
    }
    var frames = new ArrayList<Map<String, Object>>();
    request
        .references()
        .firstFrameIfAny()
        .ifPresent(image -> frames.add(frame(image, "first_frame")));
    request
        .references()
        .lastFrameIfAny()
        .ifPresent(image -> frames.add(frame(image, "last_frame")));
    if (!frames.isEmpty()) {
      body.put("frame_images", frames);
    }
    if (callbackUrl != null) {
      body.put("callback_url", callbackUrl);
    }
    var job = postJson(http.post().uri("/videos").headers(h -> h.setBearerAuth(apiKey)), body);
    var id = text(job, "id");
    if (id == null) {
      throw malformed("no job id");
    }
    return RemoteJob.of(id);
  }

  private static Map<String, Object> frame(Path image, String type) {
    var frame = new LinkedHashMap<String, Object>();
    frame.put("type", "image_url");
    frame.put("image_url", Map.of("url", Shapes.dataUri(image)));
    frame.put("frame_type", type);
    return frame;
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var video =
        json(http.get().uri("/videos/{id}", job.id()).headers(h -> h.setBearerAuth(apiKey)));
    var status = text(video, "status");
    if (status == null) {
      throw malformed("no status");
    }
    var error = video.path("error").isObject()
        ? video.path("error").path("message").asString("")
        : video.path("error").asString("");
    return switch (status) {
      case "pending", "queued" -> RemoteStatus.queued();
      case "in_progress", "processing" ->
        RemoteStatus.running(video.path("progress").asDouble(-100) / 100);
      case "completed" -> RemoteStatus.completed(null).withCost(cost(video));
      case "failed" ->
        RemoteStatus.failed(ProviderFailure.of(
            isModeration(error) ? FailureCode.MODERATION_BLOCKED : FailureCode.PROVIDER_ERROR,
            error));
      case "cancelled" ->
        RemoteStatus.ended(JobState.CANCELLED, ProviderFailure.of(FailureCode.CANCELLED, error));
      case "expired" ->
        RemoteStatus.ended(JobState.EXPIRED, ProviderFailure.of(FailureCode.EXPIRED, error));
      default -> throw malformed("unknown status " + status);
    };
  }

  /**
   * {@code usage.cost}, the price in US dollars once the job completed. With the operator's own
   * key at the model's maker (BYOK) that maker bills the generation, so OpenRouter's figure is not
   * the cost and none is reported.
   */
  private static ReportedCost cost(JsonNode video) {
    var usage = video.path("usage");
    var usd = Amounts.of(usage.path("cost"));
    return usd == null || usage.path("is_byok").asBoolean(false) ? null : ReportedCost.usd(usd);
  }

  /** The authenticated content endpoint rather than the signed URL: the key never leaves for another host. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(
        http.get()
            .uri("/videos/{id}/content?index=0", job.id())
            .headers(h -> h.setBearerAuth(apiKey)),
        output);
  }

  @Override
  public Optional<String> verifiedJobId(HttpHeaders headers, byte[] body) {
    if (webhookSecret == null) {
      throw new InvalidSignature("no webhook secret configured");
    }
    var signature = Signatures.parse(headers.getFirst("X-OpenRouter-Signature"));
    var timestamp = signature.get("t");
    var expected = signature.get("v1");
    if (timestamp == null || expected == null) {
      throw new InvalidSignature("signature header incomplete");
    }
    var sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sentAt, clock.instant()).abs().compareTo(SIGNATURE_TOLERANCE) > 0) {
      throw new InvalidSignature("signature too old");
    }
    var signed = Signatures.concat((timestamp + ",").getBytes(UTF_8), body);
    if (!Signatures.equalHex(
        Signatures.hmacSha256(webhookSecret.getBytes(UTF_8), signed), expected)) {
      throw new InvalidSignature("signature mismatch");
    }
    var event = JSON.readTree(body);
    return Optional.ofNullable(text(event.path("data"), "id"));
  }

  private record Catalog(List<ModelDescriptor> models, Instant fetchedAt) {}
}
