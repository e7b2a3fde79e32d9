package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.shared.VideoSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Google Veo through the Gemini API: {@code POST /models/{model}:predictLongRunning}, then {@code
 * GET /{operation name}} until {@code done}; the video is downloaded from the sample's URI with the
 * key in {@code x-goog-api-key}, and only from the configured API host. The Gemini API takes no
 * seed and always adds sound, so neither is offered.
 *
 * <p>Google shut down the Gemini API's last Veo models ({@code veo-3.1-generate-preview}, {@code
 * veo-3.1-fast-generate-preview}, {@code veo-3.1-lite-generate-preview}) on 2026-10-22; its
 * deprecations page names Gemini Omni, a model of the separate Interactions API, as their
 * replacement. So this adapter lists no model of its own: Veo runs on Vertex AI ({@link
 * VertexVeoAdapter}), and an operator may still declare a model here ({@code
 * kinora.provider.gemini.models}) for a service that keeps this API's shape.
 */
public class VeoAdapter extends HttpAdapter {

  private final String apiKey;
  private final String apiHost;

  public VeoAdapter(ProviderInfo info, String baseUrl, String apiKey, HttpTimeouts timeouts) {
    super("gemini", info, baseUrl, timeouts);
    this.apiKey = apiKey;
    this.apiHost = URI.create(baseUrl).getHost();
  }

  /** None: the Gemini API no longer offers a Veo model (see above). */
  @Override
  protected List<ModelDescriptor> builtInModels() {
    return List.of();
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var instance = new LinkedHashMap<String, Object>();
    instance.put("prompt", request.prompt());
    request.references().firstFrameIfAny().ifPresent(image -> instance.put("image", inline(image)));
    request
        .references()
        .lastFrameIfAny()
        .ifPresent(image -> instance.put("lastFrame", inline(image)));
    if (!request
        .references()
        .images()
        .isEmpty()) { // up to three "asset" images: what a subject looks like
      instance.put(
          "referenceImages",
          request.references().images().stream()
              .map(image -> Map.of("image", inline(image), "referenceType", "asset"))
              .toList());
    }
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("aspectRatio", Shapes.aspectRatio(request.size()));
    parameters.put("resolution", Shapes.resolution(request.size()));
    parameters.put("durationSeconds", request.duration().toSeconds());
    if (request.negativePrompt() != null) {
      parameters.put("negativePrompt", request.negativePrompt());
    }
    var body = Map.of("instances", List.of(instance), "parameters", parameters);
    var operation = postJson(
        http.post()
            .uri("/models/" + request.model() + ":predictLongRunning")
            .header("x-goog-api-key", apiKey),
        body);
    var name = text(operation, "name");
    if (name == null) {
      throw malformed("no operation name");
    }
    return RemoteJob.of(name);
  }

  private static Map<String, Object> inline(Path png) {
    return Map.of("bytesBase64Encoded", Shapes.base64(png), "mimeType", "image/png");
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var operation = json(http.get().uri("/" + job.id()).header("x-goog-api-key", apiKey));
    if (!operation.path("done").asBoolean(false)) {
      var percent = operation.path("metadata").path("progressPercent");
      return percent.isNumber()
          ? RemoteStatus.running(percent.asDouble() / 100)
          : RemoteStatus.queued();
    }
    if (operation.path("error").isObject()) {
      var error = operation.path("error");
      var message = error.path("message").asString("");
      var code = error.path("code").asInt(0);
      var failure = isModeration(message)
          ? FailureCode.MODERATION_BLOCKED
          : code == 3 ? FailureCode.INVALID_INPUT : FailureCode.PROVIDER_ERROR;
      return RemoteStatus.failed(ProviderFailure.of(failure, code + ": " + message));
    }
    var response = operation.path("response").path("generateVideoResponse");
    if (response.path("raiMediaFilteredCount").asInt(0) > 0) {
      return RemoteStatus.failed(ProviderFailure.of(
          FailureCode.MODERATION_BLOCKED, "filtered: " + response.path("raiMediaFilteredReasons")));
    }
    return RemoteStatus.completed(videoUri(response));
  }

  private String videoUri(JsonNode response) {
    var uri =
        response.path("generatedSamples").path(0).path("video").path("uri").asString(null);
    if (uri == null) {
      throw malformed("no generated sample");
    }
    return uri;
  }

  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    var uri = URI.create(completed.resultLocation());
    if (!apiHost.equals(uri.getHost())) {
      throw ProviderFailure.of(
          FailureCode.PROVIDER_ERROR, "video offered from an unexpected host " + uri.getHost());
    }
    download(http.get().uri(uri).header("x-goog-api-key", apiKey), output);
  }
}
