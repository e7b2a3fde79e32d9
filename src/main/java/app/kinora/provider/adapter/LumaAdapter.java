package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.Lookup;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Luma's Dream Machine API: {@code POST /generations/video}, {@code GET /generations/{id}}, {@code
 * GET /generations?limit&offset}, {@code DELETE /generations/{id}}; Bearer key. With {@code
 * public-base-url} set, each submission names a {@code callback_url} carrying Kinora's sealed
 * reference: Luma posts the generation (which echoes that address) when it is dreaming, completed
 * or failed, and a lost submission is found again by listing recent generations for it.
 *
 * <p>Luma takes keyframes ({@code frame0}/{@code frame1}) only as public image URLs or earlier
 * Luma generation ids; Kinora publishes no reference media on the open web and deletes its
 * generations after collecting them, so these models are offered from a prompt only.
 *
 * <p>Sources: https://docs.lumalabs.ai/docs/video-generation, https://docs.lumalabs.ai/reference
 * (the OpenAPI document github.com/lumalabs/lumaai-api {@code openapi.yaml}: GenerationRequest,
 * Generation, states {@code queued|dreaming|completed|failed}), the generated SDKs
 * github.com/lumalabs/lumaai-python and lumaai-node ({@code post /generations/video}), and
 * https://lumalabs.ai/api/pricing.
 */
public class LumaAdapter extends HttpAdapter implements WebhookVerifier {

  /** How far back before the submission a listed generation may be dated (clock skew). */
  private static final Duration SKEW = Duration.ofMinutes(2);

  private static final int PAGE = 100;
  private static final int MAX_PAGES = 5;

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "ray-2",
          "Luma Ray 2",
          "Luma's Ray 2, from a prompt.",
          List.of(5, 9),
          Shapes.WIDE_AND_TALL_720,
          List.of(24),
          Set.of(),
          0,
          new BigDecimal("0.142")),
      ModelDescriptor.ofDurations(
          "ray-flash-2",
          "Luma Ray Flash 2",
          "Luma's faster Ray Flash 2, from a prompt.",
          List.of(5, 9),
          Shapes.WIDE_AND_TALL_720,
          List.of(24),
          Set.of(),
          0,
          new BigDecimal("0.049")));

  private final String apiKey;
  private final String callbackUrl;
  private final ReferenceSeal seal;

  /**
   * @param callbackUrl Kinora's webhook address for Luma; null for polling only (and then a lost
   *     submission cannot be looked up)
   */
  public LumaAdapter(
      ProviderInfo info, String baseUrl, String apiKey, String callbackUrl, HttpTimeouts timeouts) {
    super("luma", info, baseUrl, timeouts);
    this.apiKey = apiKey;
    this.callbackUrl = callbackUrl;
    this.seal = new ReferenceSeal(apiKey);
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
    model(request.model()); // refuses a model the platform does not offer
    if (!request.references().isEmpty() || !request.references().images().isEmpty()) {
      throw ProviderFailure.of(
          FailureCode.INVALID_INPUT, "Luma takes reference images only as public URLs");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("generation_type", "video");
    body.put("model", request.model());
    body.put("prompt", request.prompt());
    body.put("aspect_ratio", Shapes.aspectRatio(request.size()));
    body.put("resolution", Shapes.resolution(request.size()));
    body.put("duration", request.duration().toSeconds() + "s");
    if (callbackUrl != null && reference != null) {
      body.put("callback_url", callbackFor(reference));
    }
    var generation =
        postJson(http.post().uri("/generations/video").headers(h -> h.setBearerAuth(apiKey)), body);
    var id = text(generation, "id");
    if (id == null) {
      throw malformed("no generation id");
    }
    return RemoteJob.of(id);
  }

  private String callbackFor(String reference) {
    return UriComponentsBuilder.fromUriString(callbackUrl)
        .queryParam("ref", seal.seal(reference))
        .build()
        .toUriString();
  }

  /**
   * Lists recent generations (newest first) for the one whose callback address names this
   * reference. Absent only once every generation since the submission was seen.
   */
  @Override
  public Lookup lookUp(String reference, Instant sentAt) {
    if (callbackUrl == null) {
      return Lookup.unknowable();
    }
    var sealed = seal.seal(reference);
    var since = sentAt.minus(SKEW);
    Instant previous = null;
    for (int page = 0; page < MAX_PAGES; page++) {
      int offset = page * PAGE;
      var list = json(http.get()
          .uri(uri -> uri.path("/generations")
              .queryParam("limit", PAGE)
              .queryParam("offset", offset)
              .build())
          .headers(h -> h.setBearerAuth(apiKey)));
      var generations = list.path("generations");
      if (!generations.isArray()) {
        throw malformed("no generations list");
      }
      for (var generation : generations) {
        if (sealed.equals(referenceOf(generation).orElse(null))) {
          var id = text(generation, "id");
          return id == null ? Lookup.unknowable() : Lookup.found(RemoteJob.of(id));
        }
        var created = createdAt(generation);
        if (created == null || (previous != null && created.isAfter(previous))) {
          return Lookup.unknowable(); // not newest first: an older page may still hold it
        }
        previous = created;
        if (created.isBefore(since)) {
          return Lookup.absent();
        }
      }
      if (!list.path("has_more").asBoolean(false)) {
        return Lookup.absent();
      }
    }
    return Lookup.unknowable();
  }

  private static Optional<String> referenceOf(JsonNode generation) {
    var callback = generation.path("request").path("callback_url").asString(null);
    if (callback == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          UriComponentsBuilder.fromUriString(callback).build().getQueryParams().getFirst("ref"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Instant createdAt(JsonNode generation) {
    try {
      var text = generation.path("created_at").asString(null);
      return text == null ? null : Instant.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var generation =
        json(http.get().uri("/generations/{id}", job.id()).headers(h -> h.setBearerAuth(apiKey)));
    var state = text(generation, "state");
    if (state == null) {
      throw malformed("no state");
    }
    return switch (state) {
      case "queued" -> RemoteStatus.queued();
      case "dreaming" -> RemoteStatus.running(-1);
      case "completed" -> {
        var url = generation.path("assets").path("video").asString(null);
        if (url == null || url.isBlank()) {
          throw malformed("a completed generation without a video");
        }
        yield RemoteStatus.completed(url);
      }
      case "failed" -> {
        var reason = generation.path("failure_reason").asString("");
        yield RemoteStatus.failed(ProviderFailure.of(
            isModeration(reason) ? FailureCode.MODERATION_BLOCKED : FailureCode.PROVIDER_ERROR,
            reason));
      }
      default -> throw malformed("unknown state " + state);
    };
  }

  /** Luma's CDN links need no key, so none is sent to their host. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(http.get().uri(URI.create(completed.resultLocation())), output);
  }

  /** Luma documents no cancel call: a cancelled generation runs out and is deleted unseen. */
  @Override
  public boolean deleteRemote(RemoteJob job) {
    json(http.delete().uri("/generations/{id}", job.id()).headers(h -> h.setBearerAuth(apiKey)));
    return true;
  }

  /** Luma signs nothing; its posts echo the callback address, whose sealed reference only Kinora (and Luma) could know. */
  @Override
  public Optional<String> verifiedJobId(HttpHeaders headers, byte[] body) {
    if (callbackUrl == null) {
      throw new InvalidSignature("Luma callbacks are not enabled");
    }
    var generation = JSON.readTree(body);
    var sealed = referenceOf(generation).orElse(null);
    if (seal.open(sealed).isEmpty()) {
      throw new InvalidSignature("callback without a valid Kinora reference");
    }
    return Optional.ofNullable(text(generation, "id"));
  }

  @Override
  protected boolean isModeration(String text) {
    return super.isModeration(text)
        || (text != null && text.toLowerCase(java.util.Locale.ROOT).contains("not allowed"));
  }
}
