package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.JobState;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * Replicate's predictions: {@code POST /models/{owner}/{name}/predictions}, {@code GET
 * /predictions/{id}}, {@code POST /predictions/{id}/cancel}; webhooks signed the Standard Webhooks
 * way ({@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature: v1,<base64>}).
 */
public class ReplicateAdapter extends HttpAdapter implements WebhookVerifier {

  private static final Duration SIGNATURE_TOLERANCE = Duration.ofMinutes(5);

  /** How far Replicate's clock may be behind Kinora's when matching a lost submission. */
  private static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "google/veo-3-fast",
          "Veo 3 Fast",
          "Google's Veo 3 Fast on Replicate.",
          List.of(8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          Set.of(
              Capability.FIRST_FRAME,
              Capability.AUDIO_GENERATION,
              Capability.SEED,
              Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "wan-video/wan-2.2-t2v-fast",
          "Wan 2.2 Fast",
          "Wan 2.2 on Replicate.",
          List.of(5),
          List.of(new VideoSize(832, 480), new VideoSize(480, 832)),
          List.of(16),
          Set.of(Capability.SEED, Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.02")));

  private final String apiToken;
  private final String callbackUrl;
  private final String webhookSecret;
  private final Clock clock;

  public ReplicateAdapter(
      ProviderInfo info,
      String baseUrl,
      String apiToken,
      String callbackUrl,
      String webhookSecret,
      HttpTimeouts timeouts,
      Clock clock) {
    super("replicate", info, baseUrl, timeouts);
    this.apiToken = apiToken;
    this.callbackUrl = webhookSecret == null ? null : callbackUrl;
    this.webhookSecret = webhookSecret;
    this.clock = clock;
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var body = new LinkedHashMap<String, Object>();
    body.put("input", input(request));
    if (callbackUrl != null) {
      body.put("webhook", callbackUrl);
      body.put("webhook_events_filter", List.of("completed"));
    }
    var prediction = postJson(
        http.post()
            .uri("/models/" + request.model() + "/predictions")
            .headers(h -> h.setBearerAuth(apiToken)),
        body);
    var id = text(prediction, "id");
    if (id == null) {
      throw malformed("no prediction id");
    }
    return RemoteJob.of(id);
  }

  /**
   * Replicate keeps no client reference, but lists recent predictions with their input: the one
   * created since the submission whose input is this request's (its seed makes it this attempt's)
   * is the job. Files come back as Replicate's own links, so they are left out of the comparison.
   */
  @Override
  public Lookup lookUp(VideoSpec<ReferenceMedia> request, String reference, Instant sentAt) {
    // read back from text, as the listing is: numbers compare by value, not by Java type
    var wanted = JSON.readTree(JSON.writeValueAsString(input(request)));
    ((tools.jackson.databind.node.ObjectNode) wanted).remove("image");
    var since = sentAt.minus(CLOCK_SKEW);
    var matches = new java.util.ArrayList<RemoteJob>();
    var listing = json(http.get().uri("/predictions").headers(h -> h.setBearerAuth(apiToken)));
    while (true) {
      for (var prediction : listing.path("results")) {
        var created = Instant.parse(prediction.path("created_at").asString("1970-01-01T00:00:00Z"));
        if (created.isBefore(since)) {
          return Lookup.of(matches);
        }
        var input = prediction.path("input").deepCopy();
        if (input instanceof tools.jackson.databind.node.ObjectNode object) {
          object.remove("image");
        }
        if (request.model().equals(text(prediction, "model")) && wanted.equals(input)) {
          matches.add(RemoteJob.of(text(prediction, "id")));
        }
      }
      var next = text(listing, "next");
      if (next == null) {
        return Lookup.of(matches);
      }
      listing = json(http.get().uri(URI.create(next)).headers(h -> h.setBearerAuth(apiToken)));
    }
  }

  private Map<String, Object> input(VideoSpec<ReferenceMedia> request) {
    var model = model(request.model());
    var input = new LinkedHashMap<String, Object>();
    input.put("prompt", request.prompt());
    input.put("duration", request.duration().toSeconds());
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
        .ifPresent(image -> input.put("image", Shapes.dataUri(image)));
    return input;
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var prediction =
        json(http.get().uri("/predictions/{id}", job.id()).headers(h -> h.setBearerAuth(apiToken)));
    var status = text(prediction, "status");
    if (status == null) {
      throw malformed("no status");
    }
    var error = prediction.path("error").asString("");
    return state(prediction, status, error).withCost(computeTime(prediction));
  }

  /**
   * Replicate reports no price, only {@code metrics.predict_time}: the seconds of compute the
   * prediction used once it ended (official models are billed by output, not by this measure).
   */
  private static ReportedCost computeTime(JsonNode prediction) {
    var seconds = Amounts.of(prediction.path("metrics").path("predict_time"));
    return seconds == null ? null : ReportedCost.units(seconds, "seconds of compute");
  }

  private RemoteStatus state(JsonNode prediction, String status, String error) {
    return switch (status) {
      case "starting" -> RemoteStatus.queued();
      case "processing" -> RemoteStatus.running(-1);
      case "succeeded" -> succeeded(prediction);
      case "failed" ->
        RemoteStatus.failed(ProviderFailure.of(
            isModeration(error) ? FailureCode.MODERATION_BLOCKED : FailureCode.PROVIDER_ERROR,
            error));
      case "canceled" ->
        RemoteStatus.ended(
            JobState.CANCELLED, ProviderFailure.of(FailureCode.CANCELLED, "canceled"));
      case "aborted" ->
        RemoteStatus.failed(ProviderFailure.of(FailureCode.PROVIDER_ERROR, "aborted"));
      default -> throw malformed("unknown status " + status);
    };
  }

  /** Output is a URL or a list of them; Replicate removes it after an hour, leaving none. */
  private RemoteStatus succeeded(JsonNode prediction) {
    var output = prediction.path("output");
    var url = output.isArray() ? output.path(0).asString(null) : output.asString(null);
    if (url == null || url.isBlank()) {
      return RemoteStatus.ended(
          JobState.EXPIRED, ProviderFailure.of(FailureCode.EXPIRED, "output removed"));
    }
    return RemoteStatus.completed(url);
  }

  /** Replicate's delivery links need no token, so the token is not sent to another host. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(http.get().uri(URI.create(completed.resultLocation())), output);
  }

  @Override
  public boolean cancel(RemoteJob job) {
    json(http.post()
        .uri("/predictions/{id}/cancel", job.id())
        .headers(h -> h.setBearerAuth(apiToken)));
    return true;
  }

  @Override
  public Optional<String> verifiedJobId(HttpHeaders headers, byte[] body) {
    if (webhookSecret == null) {
      throw new InvalidSignature("no webhook secret configured");
    }
    var id = headers.getFirst("webhook-id");
    var timestamp = headers.getFirst("webhook-timestamp");
    var signatures = headers.getFirst("webhook-signature");
    if (id == null || timestamp == null || signatures == null) {
      throw new InvalidSignature("webhook headers missing");
    }
    var sentAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
    if (Duration.between(sentAt, clock.instant()).abs().compareTo(SIGNATURE_TOLERANCE) > 0) {
      throw new InvalidSignature("signature too old");
    }
    var key = Base64.getDecoder()
        .decode(webhookSecret.startsWith("whsec_") ? webhookSecret.substring(6) : webhookSecret);
    var signed =
        Signatures.concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body);
    var expected = Base64.getEncoder().encodeToString(Signatures.hmacSha256(key, signed));
    for (var candidate : signatures.split(" ")) {
      var parts = candidate.split(",", 2);
      if (parts.length == 2
          && MessageDigest.isEqual(
              parts[1].getBytes(StandardCharsets.UTF_8),
              expected.getBytes(StandardCharsets.UTF_8))) {
        return Optional.ofNullable(text(JSON.readTree(body), "id"));
      }
    }
    throw new InvalidSignature("signature mismatch");
  }
}
