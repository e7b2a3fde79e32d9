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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * fal.ai's queue API: {@code POST /{endpoint}}, {@code GET /{app}/requests/{id}/status}, {@code GET
 * /{app}/requests/{id}} for the result, {@code PUT /{app}/requests/{id}/cancel}; the app is the
 * endpoint's first two path segments. Authorised with {@code Authorization: Key …}.
 */
public class FalAdapter extends HttpAdapter implements WebhookVerifier {

  /** How far fal's clock may be behind Kinora's when matching a lost submission. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  /** Where fal publishes the keys its webhooks are signed with. */
  public static final String JWKS = "https://rest.alpha.fal.ai/.well-known/jwks.json";

  private static final String BILLABLE_UNITS = "X-Fal-Billable-Units";

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "fal-ai/veo3/fast",
          "Veo 3 Fast",
          "Google's Veo 3 Fast on fal.ai.",
          List.of(4, 6, 8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          Set.of(Capability.AUDIO_GENERATION, Capability.SEED, Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "fal-ai/veo3/fast/image-to-video",
          "Veo 3 Fast (from a picture)",
          "Google's Veo 3 Fast on fal.ai, starting from your picture.",
          List.of(8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.AUDIO_GENERATION),
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "fal-ai/kling-video/v2.1/standard/text-to-video",
          "Kling 2.1",
          "Kling 2.1 Standard on fal.ai.",
          List.of(5, 10),
          List.of(new VideoSize(1280, 720), new VideoSize(720, 1280), new VideoSize(720, 720)),
          List.of(24),
          Set.of(Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.05")));

  /** fal's platform API, where the requests made with a key can be listed. */
  public static final String PLATFORM_API = "https://api.fal.ai/v1";

  private final String apiKey;
  private final String callbackUrl;
  private final FalWebhookKeys webhookKeys;
  private final String platformApi;

  /** Polling only. */
  public FalAdapter(ProviderInfo info, String baseUrl, String apiKey, HttpTimeouts timeouts) {
    this(info, baseUrl, PLATFORM_API, apiKey, timeouts);
  }

  /** Polling only, with the platform API elsewhere (a test's stub). */
  public FalAdapter(
      ProviderInfo info,
      String baseUrl,
      String platformApiUrl,
      String apiKey,
      HttpTimeouts timeouts) {
    this(info, baseUrl, platformApiUrl, apiKey, null, null, timeouts, Clock.systemUTC());
  }

  /**
   * @param callbackUrl where fal posts the result ({@code fal_webhook}); null for polling only
   * @param webhookKeysUrl fal's JWKS, to verify those posts
   */
  public FalAdapter(
      ProviderInfo info,
      String baseUrl,
      String apiKey,
      String callbackUrl,
      String webhookKeysUrl,
      HttpTimeouts timeouts,
      Clock clock) {
    this(info, baseUrl, PLATFORM_API, apiKey, callbackUrl, webhookKeysUrl, timeouts, clock);
  }

  private FalAdapter(
      ProviderInfo info,
      String baseUrl,
      String platformApiUrl,
      String apiKey,
      String callbackUrl,
      String webhookKeysUrl,
      HttpTimeouts timeouts,
      Clock clock) {
    super("fal", info, baseUrl, timeouts);
    this.platformApi = platformApiUrl;
    this.apiKey = apiKey;
    this.callbackUrl = callbackUrl;
    this.webhookKeys =
        new FalWebhookKeys(http, URI.create(webhookKeysUrl == null ? JWKS : webhookKeysUrl), clock);
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var queued = postJson(
        http.post()
            .uri(uri -> callbackUrl == null
                ? uri.path("/" + request.model()).build()
                : uri.path("/" + request.model())
                    .queryParam("fal_webhook", callbackUrl)
                    .build())
            .header("Authorization", "Key " + apiKey),
        input(request));
    var id = text(queued, "request_id");
    if (id == null) {
      throw malformed("no request_id");
    }
    return new RemoteJob(id, app(request.model()));
  }

  /**
   * fal keeps no client reference, but its platform API lists the requests made on an endpoint
   * since a time, with their input: the one whose input is this request's (its seed makes it the
   * attempt's own) is the job. Pictures come back as fal's own links, so they are left out.
   */
  @Override
  public Lookup lookUp(VideoSpec<ReferenceMedia> request, String reference, Instant sentAt) {
    var wanted = JSON.readTree(JSON.writeValueAsString(input(request)));
    ((ObjectNode) wanted).remove("image_url");
    var matches = new ArrayList<RemoteJob>();
    String cursor = null;
    do {
      var page = json(http.get()
          .uri(URI.create(platformApi + "/models/requests/by-endpoint?endpoint_id="
              + encode(request.model()) + "&limit=100&start="
              + encode(sentAt.minus(CLOCK_SKEW).truncatedTo(ChronoUnit.SECONDS).toString())
              + (cursor == null ? "" : "&cursor=" + encode(cursor))))
          .header("Authorization", "Key " + apiKey));
      for (var item : page.path("items")) {
        var input = item.path("json_input").deepCopy();
        if (input instanceof ObjectNode object) {
          object.remove("image_url");
        }
        if (wanted.equals(input)) {
          matches.add(new RemoteJob(text(item, "request_id"), app(request.model())));
        }
      }
      cursor = page.path("has_more").asBoolean(false) ? text(page, "next_cursor") : null;
    } while (cursor != null);
    return Lookup.of(matches);
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private Map<String, Object> input(VideoSpec<ReferenceMedia> request) {
    var model = model(request.model());
    var input = new LinkedHashMap<String, Object>();
    input.put("prompt", request.prompt());
    input.put("duration", request.duration().toSeconds() + "s");
    input.put("aspect_ratio", Shapes.aspectRatio(request.size()));
    input.put("resolution", Shapes.resolution(request.size()));
    if (model.can(Capability.AUDIO_GENERATION)) {
      input.put("generate_audio", request.generateAudio());
    }
    if (model.can(Capability.SEED)) {
      input.put("seed", request.seed());
    }
    if (model.can(Capability.NEGATIVE_PROMPT) && request.negativePrompt() != null) {
      input.put("negative_prompt", request.negativePrompt());
    }
    request
        .references()
        .firstFrameIfAny()
        .ifPresent(image -> input.put("image_url", Shapes.dataUri(image)));
    return input;
  }

  /** {@code fal-ai/veo3/fast} → {@code fal-ai/veo3}: status and results live under the app. */
  static String app(String endpoint) {
    var parts = endpoint.split("/");
    return parts.length < 2 ? endpoint : parts[0] + "/" + parts[1];
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var status = json(http.get()
        .uri("/" + job.locator() + "/requests/{id}/status", job.id())
        .header("Authorization", "Key " + apiKey));
    var state = text(status, "status");
    if (state == null) {
      throw malformed("no status");
    }
    return switch (state) {
      case "IN_QUEUE" -> RemoteStatus.queued();
      case "IN_PROGRESS" -> RemoteStatus.running(-1);
      case "COMPLETED" -> completed(job, status);
      default -> throw malformed("unknown status " + state);
    };
  }

  /** A completed request may still have failed: its status then carries the error, not a video. */
  private RemoteStatus completed(RemoteJob job, JsonNode status) {
    var error = text(status, "error");
    if (error != null) {
      var type = status.path("error_type").asString("");
      return RemoteStatus.failed(ProviderFailure.of(
          isModeration(type + " " + error)
              ? FailureCode.MODERATION_BLOCKED
              : FailureCode.PROVIDER_ERROR,
          error));
    }
    var result = answer(http.get()
        .uri("/" + job.locator() + "/requests/{id}", job.id())
        .header("Authorization", "Key " + apiKey));
    var url = result.body().path("video").path("url").asString(null);
    if (url == null) {
      throw malformed("no video url in the result");
    }
    return RemoteStatus.completed(url).withCost(billed(result.headers()));
  }

  /**
   * fal names no price in its answers; its result carries {@code X-Fal-Billable-Units}, the
   * quantity billed in the endpoint's own unit (seconds of video for most video models).
   */
  private static ReportedCost billed(HttpHeaders headers) {
    var units = Amounts.of(headers.getFirst(BILLABLE_UNITS));
    return units == null ? null : ReportedCost.units(units, "billable units");
  }

  /** fal's CDN links need no key, so none is sent along. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(http.get().uri(URI.create(completed.resultLocation())), output);
  }

  @Override
  public Optional<String> verifiedJobId(HttpHeaders headers, byte[] body) {
    if (callbackUrl == null) {
      throw new InvalidSignature("fal webhooks are not enabled");
    }
    return Optional.of(webhookKeys.verify(headers, body));
  }

  @Override
  public boolean cancel(RemoteJob job) {
    json(http.put()
        .uri("/" + job.locator() + "/requests/{id}/cancel", job.id())
        .header("Authorization", "Key " + apiKey));
    return true;
  }
}
