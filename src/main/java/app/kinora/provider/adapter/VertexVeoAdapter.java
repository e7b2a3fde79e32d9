package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.shared.VideoSpec;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Google Veo on Vertex AI: {@code POST
 * /projects/{project}/locations/{location}/publishers/google/models/{model}:predictLongRunning},
 * then {@code POST …/models/{model}:fetchPredictOperation} with the operation's name until it is
 * done; every call carries a service account's OAuth2 access token. With a storage URI the video
 * is written to Cloud Storage and downloaded with the same token through the Cloud Storage JSON
 * API; without one it comes back Base64 inside the operation, which is decoded as it streams in
 * (the status check skips those bytes, the fetch asks again and keeps them).
 *
 * <p>Sources: https://cloud.google.com/vertex-ai/generative-ai/docs/model-reference/veo-video-generation
 * (request, {@code storageUri}, {@code fetchPredictOperation}), .../docs/models/veo/3-1-generate
 * (model ids {@code veo-3.1-generate-001} and {@code veo-3.1-fast-generate-001}: 4, 6 or 8 s, 16:9
 * and 9:16, 720p and 1080p, 24 fps), Vertex AI pricing (video with sound).
 */
public class VertexVeoAdapter extends HttpAdapter {

  /** Where the Cloud Storage JSON API answers. */
  public static final String STORAGE_API = "https://storage.googleapis.com";

  private static final Set<Capability> VEO_3_1 = Set.of(
      Capability.FIRST_FRAME,
      Capability.LAST_FRAME,
      Capability.AUDIO_GENERATION,
      Capability.SEED,
      Capability.NEGATIVE_PROMPT);

  // reference images are left out: Veo takes them only for 8 s at 16:9, which a descriptor cannot
  // say; an operator may allow them with kinora.provider.vertex.models[i].reference-images
  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "veo-3.1-generate-001",
          "Veo 3.1",
          "Google's Veo 3.1 on Vertex AI, with sound.",
          List.of(4, 6, 8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          VEO_3_1,
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "veo-3.1-fast-generate-001",
          "Veo 3.1 Fast",
          "Google's Veo 3.1 Fast on Vertex AI, with sound.",
          List.of(4, 6, 8),
          Shapes.WIDE_AND_TALL_720_1080,
          List.of(24),
          VEO_3_1,
          0,
          new BigDecimal("0.15")));

  private final GoogleServiceAccount account;
  private final String modelsPath;
  private final String storageUri;
  private final String storageApi;

  /**
   * @param baseUrl e.g. {@code https://us-central1-aiplatform.googleapis.com/v1}
   * @param storageUri {@code gs://bucket/folder} for the videos; null to have them inline
   * @param storageApi the Cloud Storage JSON API's address ({@link #STORAGE_API})
   */
  public VertexVeoAdapter(
      ProviderInfo info,
      String baseUrl,
      GoogleServiceAccount account,
      String project,
      String location,
      String storageUri,
      String storageApi,
      HttpTimeouts timeouts) {
    super("vertex", info, baseUrl, timeouts);
    this.account = account;
    this.modelsPath =
        "/projects/" + project + "/locations/" + location + "/publishers/google/models/";
    this.storageUri = storageUri == null || storageUri.isBlank() ? null : storageUri;
    this.storageApi = storageApi.replaceAll("/+$", "");
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var model = model(request.model());
    var body =
        Map.of("instances", List.of(instance(request)), "parameters", parameters(request, model));
    var operation = postJson(
        http.post().uri(modelsPath + model.id() + ":predictLongRunning").headers(this::bearer),
        body);
    var name = text(operation, "name");
    if (name == null) {
      throw malformed("no operation name");
    }
    return new RemoteJob(name, model.id());
  }

  private static Map<String, Object> instance(VideoSpec<ReferenceMedia> request) {
    var instance = new LinkedHashMap<String, Object>();
    instance.put("prompt", request.prompt());
    var references = request.references();
    references.firstFrameIfAny().ifPresent(image -> instance.put("image", inline(image)));
    references.lastFrameIfAny().ifPresent(image -> instance.put("lastFrame", inline(image)));
    if (!references.images().isEmpty()) {
      instance.put(
          "referenceImages",
          references.images().stream()
              .map(image -> Map.of("image", inline(image), "referenceType", "asset"))
              .toList());
    }
    return instance;
  }

  private Map<String, Object> parameters(VideoSpec<ReferenceMedia> request, ModelDescriptor model) {
    var parameters = new LinkedHashMap<String, Object>();
    parameters.put("aspectRatio", Shapes.aspectRatio(request.size()));
    parameters.put("resolution", Shapes.resolution(request.size()));
    parameters.put("durationSeconds", request.duration().toSeconds());
    parameters.put("sampleCount", 1);
    if (model.can(Capability.AUDIO_GENERATION)) {
      parameters.put("generateAudio", request.generateAudio());
    }
    if (model.can(Capability.SEED) && request.seed() != null) {
      parameters.put("seed", request.seed() & 0xFFFF_FFFFL); // Vertex takes an unsigned 32-bit seed
    }
    if (request.negativePrompt() != null) {
      parameters.put("negativePrompt", request.negativePrompt());
    }
    if (storageUri != null) {
      parameters.put("storageUri", storageUri);
    }
    return parameters;
  }

  private static Map<String, Object> inline(Path png) {
    return Map.of("bytesBase64Encoded", Shapes.base64(png), "mimeType", "image/png");
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var operation = operation(job, null);
    if (!operation.done()) {
      return operation.progressPercent() == null
          ? RemoteStatus.running(-1)
          : RemoteStatus.running(operation.progressPercent() / 100);
    }
    if (operation.errorCode() != null || operation.errorMessage() != null) {
      var message = operation.errorMessage() == null ? "" : operation.errorMessage();
      var code = operation.errorCode() == null ? 0 : operation.errorCode();
      var failure = isModeration(message)
          ? FailureCode.MODERATION_BLOCKED
          : code == 3 ? FailureCode.INVALID_INPUT : FailureCode.PROVIDER_ERROR;
      return RemoteStatus.failed(ProviderFailure.of(failure, code + ": " + message));
    }
    if (operation.filteredCount() > 0) {
      return RemoteStatus.failed(ProviderFailure.of(
          FailureCode.MODERATION_BLOCKED, "filtered: " + operation.filteredReasons()));
    }
    if (operation.storageUri() != null) {
      return RemoteStatus.completed(operation.storageUri());
    }
    if (!operation.inlineVideo()) {
      throw malformed("no video in the finished operation");
    }
    return RemoteStatus.completed(null);
  }

  /** A video in Cloud Storage is downloaded from there; an inline one is asked for again. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    var location = completed.resultLocation();
    if (location != null && location.startsWith("gs://")) {
      download(http.get().uri(storageObject(location, "?alt=media")).headers(this::bearer), output);
      return;
    }
    var partial = output.resolveSibling(output.getFileName() + ".part");
    try {
      VertexOperation operation;
      try (OutputStream out = Files.newOutputStream(partial)) {
        operation = operation(job, out);
      }
      if (!operation.inlineVideo()) {
        throw operation.done()
            ? ProviderFailure.of(FailureCode.EXPIRED, "Vertex AI no longer has the video")
            : malformed("the operation is no longer finished");
      }
      Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
    } catch (java.io.IOException e) {
      throw ProviderFailure.transientFailure(
          FailureCode.PROVIDER_UNAVAILABLE, "could not keep Vertex AI's video: " + e, null);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (java.io.IOException ignored) {
        // a leftover part file is removed with the job's work directory
      }
    }
  }

  /**
   * A video Veo wrote to Cloud Storage is deleted there once Kinora keeps it (the account needs
   * delete rights on the bucket); an inline one was never stored apart from the operation, which
   * Vertex AI offers no call to delete.
   */
  @Override
  public boolean deleteRemote(RemoteJob job) {
    if (storageUri == null) {
      return false;
    }
    var stored = operation(job, null).storageUri();
    if (stored == null) {
      return false;
    }
    json(http.delete().uri(storageObject(stored, "")).headers(this::bearer));
    return true;
  }

  private VertexOperation operation(RemoteJob job, OutputStream video) {
    return streamed(
        http.post()
            .uri(modelsPath + job.locator() + ":fetchPredictOperation")
            .headers(this::bearer)
            .contentType(MediaType.APPLICATION_JSON)
            .body(JSON.writeValueAsString(Map.of("operationName", job.id()))),
        body -> VertexOperation.read(JSON, body, video));
  }

  /** {@code gs://bucket/a/b.mp4} → the JSON API's address of that object, with the query given. */
  private URI storageObject(String gsUri, String query) {
    var path = gsUri.substring("gs://".length());
    var slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw malformed("unusable storage location " + gsUri);
    }
    return URI.create(storageApi + "/storage/v1/b/" + encode(path.substring(0, slash)) + "/o/"
        + encode(path.substring(slash + 1)) + query);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Every call, to Vertex AI and to Cloud Storage, carries the service account's token. */
  private void bearer(HttpHeaders headers) {
    headers.setBearerAuth(account.accessToken());
  }
}
