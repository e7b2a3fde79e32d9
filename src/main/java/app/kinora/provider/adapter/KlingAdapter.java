package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.Lookup;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Kling's API: {@code POST /v1/videos/text2video} or {@code /v1/videos/image2video} (first frame
 * {@code image}, last frame {@code image_tail}), {@code GET /v1/videos/{kind}/{id}} where the id is
 * Kling's task id or Kinora's {@code external_task_id}; a Bearer JWT (HS256, {@code iss} = access
 * key, signed with the secret key, 30 minutes). Kinora's sealed per-attempt reference is the
 * {@code external_task_id}, so a lost submission is looked up by it, and callbacks (unsigned by
 * Kling, but echoing that id) are accepted only when its seal holds. Kling documents no cancel
 * and no delete call.
 *
 * <p>Sources: https://app.klingai.com/global/dev/document-api/apiReference/model/textToVideo,
 * .../model/imageToVideo (create, query by task_id or external_task_id, callback_url),
 * .../apiReference/commonInfo (JWT authentication, error codes 1000–5002),
 * https://app.klingai.com/global/dev/document-api/productBilling/prePaidResourcePackage (prices).
 */
public class KlingAdapter extends HttpAdapter implements WebhookVerifier {

  static final String TEXT = "text2video";
  static final String IMAGE = "image2video";

  private static final List<VideoSize> PRO_SIZES =
      List.of(new VideoSize(1920, 1080), new VideoSize(1080, 1920), new VideoSize(1080, 1080));

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "kling-v2-6",
          "Kling 2.6",
          "Kling 2.6 (professional mode, 1080p), with sound.",
          List.of(5, 10),
          PRO_SIZES,
          List.of(24),
          Set.of(
              Capability.FIRST_FRAME,
              Capability.LAST_FRAME,
              Capability.AUDIO_GENERATION,
              Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.14")),
      ModelDescriptor.ofDurations(
          "kling-v2-5-turbo",
          "Kling 2.5 Turbo",
          "Kling 2.5 Turbo (professional mode, 1080p).",
          List.of(5, 10),
          PRO_SIZES,
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.LAST_FRAME, Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.07")));

  private final KlingTokens tokens;
  private final String callbackUrl;
  private final ReferenceSeal seal;

  /**
   * @param accessKey Kling's access key (the JWT's issuer)
   * @param secretKey Kling's secret key (signs the JWT and seals Kinora's references)
   * @param callbackUrl Kinora's webhook address for Kling; null for polling only
   */
  public KlingAdapter(
      ProviderInfo info,
      String baseUrl,
      String accessKey,
      String secretKey,
      String callbackUrl,
      HttpTimeouts timeouts,
      Clock clock) {
    super("kling", info, baseUrl, timeouts);
    this.tokens = new KlingTokens(accessKey, secretKey, clock);
    this.callbackUrl = callbackUrl;
    this.seal = new ReferenceSeal(secretKey);
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    return submit(request, null);
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request, String reference) {
    var model = model(request.model());
    var references = request.references();
    var fromImages = references.firstFrame() != null || references.lastFrame() != null;
    var body = new LinkedHashMap<String, Object>();
    body.put("model_name", model.id());
    references.firstFrameIfAny().ifPresent(image -> body.put("image", Shapes.base64(image)));
    references.lastFrameIfAny().ifPresent(image -> body.put("image_tail", Shapes.base64(image)));
    body.put("prompt", request.prompt());
    if (request.negativePrompt() != null) {
      body.put("negative_prompt", request.negativePrompt());
    }
    body.put("mode", "pro");
    body.put("duration", String.valueOf(request.duration().toSeconds()));
    if (!fromImages) {
      body.put("aspect_ratio", Shapes.aspectRatio(request.size()));
    }
    if (model.can(Capability.AUDIO_GENERATION)) {
      body.put("sound", request.generateAudio() ? "on" : "off");
    }
    if (reference != null) {
      body.put("external_task_id", seal.seal(reference));
      if (callbackUrl != null) {
        body.put("callback_url", callbackUrl);
      }
    }
    var kind = fromImages ? IMAGE : TEXT;
    var answer = postJson(http.post().uri("/v1/videos/" + kind).headers(this::authorise), body);
    var id = text(data(answer), "task_id");
    if (id == null) {
      throw malformed("no task_id");
    }
    return new RemoteJob(id, kind);
  }

  /** Asks both kinds of task for the external id; Kling keeps it on every task it made. */
  @Override
  public Lookup lookUp(String reference, java.time.Instant sentAt) {
    var external = seal.seal(reference);
    for (var kind : List.of(IMAGE, TEXT)) {
      var task = find(kind, external);
      if (task.isPresent()) {
        var id = text(task.get(), "task_id");
        if (id == null) {
          throw malformed("a task without task_id");
        }
        return Lookup.found(new RemoteJob(id, kind));
      }
    }
    return Lookup.absent();
  }

  private Optional<JsonNode> find(String kind, String external) {
    try {
      return Optional.of(data(
          json(http.get().uri("/v1/videos/" + kind + "/{id}", external).headers(this::authorise))));
    } catch (ProviderFailure failure) {
      if (failure.code().equals(FailureCode.EXPIRED.code())) {
        return Optional.empty(); // no task of this kind has that id
      }
      throw failure;
    }
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var task = data(json(http.get()
        .uri("/v1/videos/" + job.locator() + "/{id}", job.id())
        .headers(this::authorise)));
    var status = text(task, "task_status");
    if (status == null) {
      throw malformed("no task_status");
    }
    return switch (status) {
      case "submitted" -> RemoteStatus.queued();
      case "processing" -> RemoteStatus.running(-1);
      case "succeed" -> {
        var url = task.path("task_result").path("videos").path(0).path("url").asString(null);
        if (url == null || url.isBlank()) {
          throw malformed("a finished task without a video");
        }
        yield RemoteStatus.completed(url).withCost(deducted(task));
      }
      case "failed" -> {
        var reason = task.path("task_status_msg").asString("");
        yield RemoteStatus.failed(ProviderFailure.of(
                isModeration(reason) ? FailureCode.MODERATION_BLOCKED : FailureCode.PROVIDER_ERROR,
                reason))
            .withCost(deducted(task));
      }
      default -> throw malformed("unknown task_status " + status);
    };
  }

  /**
   * {@code final_unit_deduction}: the credits Kling finally took for the task (a string), its only
   * word on cost; it names no price.
   */
  private static ReportedCost deducted(JsonNode task) {
    var credits = Amounts.of(task.path("final_unit_deduction"));
    return credits == null ? null : ReportedCost.units(credits, "credits");
  }

  /** Kling's answers wrap the task in {@code data} beside {@code code} 0. */
  private JsonNode data(JsonNode answer) {
    if (answer.path("code").asInt(-1) != 0 || !answer.path("data").isObject()) {
      throw malformed("code " + answer.path("code") + " without data");
    }
    return answer.path("data");
  }

  /** Kling's video links need no token, so none is sent to their host. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(http.get().uri(URI.create(completed.resultLocation())), output);
  }

  @Override
  public Optional<String> verifiedJobId(HttpHeaders headers, byte[] body) {
    if (callbackUrl == null) {
      throw new InvalidSignature("Kling callbacks are not enabled");
    }
    var task = JSON.readTree(body);
    var external = task.path("task_info").path("external_task_id").asString(null);
    if (seal.open(external).isEmpty()) {
      throw new InvalidSignature("callback without a valid Kinora reference");
    }
    return Optional.ofNullable(text(task, "task_id"));
  }

  /**
   * Kling's own codes: 1300/1301 are its content policy; 1101/1102 (arrears, no resources left)
   * come as 429 but are no rate limit; 1203 (404) is a task Kling does not have.
   */
  @Override
  protected ProviderFailure httpFailure(HttpStatusCode status, HttpHeaders headers, String body) {
    var code = code(body);
    var detail = info().name() + " answered " + status.value() + ": " + body;
    if (code == 1300 || code == 1301) {
      return ProviderFailure.of(FailureCode.MODERATION_BLOCKED, detail);
    }
    if (code == 1101 || code == 1102 || code == 1103) {
      return ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, detail);
    }
    if (code == 1203 || status.value() == 404) {
      return ProviderFailure.of(FailureCode.EXPIRED, detail);
    }
    return super.httpFailure(status, headers, body);
  }

  private static int code(String body) {
    try {
      return JSON.readTree(body).path("code").asInt(-1);
    } catch (JacksonException e) {
      return -1;
    }
  }

  @Override
  protected boolean isModeration(String text) {
    var lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return super.isModeration(text) || lower.contains("risk control");
  }

  private void authorise(HttpHeaders headers) {
    headers.setBearerAuth(tokens.current());
  }
}
