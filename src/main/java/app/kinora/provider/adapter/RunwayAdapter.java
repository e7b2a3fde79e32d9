package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.JobState;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * Runway's developer API: {@code POST /v1/image_to_video} (or {@code /v1/text_to_video} without a
 * first frame), {@code GET /v1/tasks/{id}}, {@code DELETE /v1/tasks/{id}} (cancels a running task,
 * deletes a finished one). Bearer key plus {@code X-Runway-Version}. Runway keeps no client
 * reference, lists no tasks and sends no webhooks, so a lost submission cannot be looked up.
 *
 * <p>Sources: https://docs.dev.runwayml.com/api/ (tasks, image_to_video, text_to_video),
 * https://docs.dev.runwayml.com/guides/pricing/ (credits per second, 1 credit = 0.01 USD),
 * https://docs.dev.runwayml.com/errors/task-failures/ (failure codes), and the generated SDK
 * github.com/runwayml/sdk-python ({@code types/image_to_video_create_params.py}, {@code
 * types/text_to_video_create_params.py}, {@code types/task_retrieve_response.py}).
 */
public class RunwayAdapter extends HttpAdapter {

  /** The API version these calls are written against, as the docs and SDKs send it. */
  static final String API_VERSION = "2024-11-06";

  private static final List<VideoSize> WIDE_AND_TALL = List.of(
      new VideoSize(1280, 720),
      new VideoSize(720, 1280),
      new VideoSize(1920, 1080),
      new VideoSize(1080, 1920));

  private static final List<ModelDescriptor> MODELS = List.of(
      new ModelDescriptor(
          "gen4.5",
          "Runway Gen-4.5",
          "Runway's Gen-4.5, from a prompt or a picture.",
          2,
          10,
          List.of(),
          List.of(new VideoSize(1280, 720), new VideoSize(720, 1280)),
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.SEED),
          0,
          new BigDecimal("0.12")),
      new ModelDescriptor(
          "gen4_turbo",
          "Runway Gen-4 Turbo",
          "Runway's Gen-4 Turbo; it always starts from your picture.",
          2,
          10,
          List.of(),
          List.of(new VideoSize(1280, 720), new VideoSize(720, 1280), new VideoSize(960, 960)),
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.SEED),
          0,
          new BigDecimal("0.05")),
      ModelDescriptor.ofDurations(
          "veo3.1",
          "Veo 3.1 on Runway",
          "Google's Veo 3.1 through Runway, with sound.",
          List.of(4, 6, 8),
          WIDE_AND_TALL,
          List.of(24),
          Set.of(
              Capability.FIRST_FRAME,
              Capability.LAST_FRAME,
              Capability.AUDIO_GENERATION,
              Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.40")),
      ModelDescriptor.ofDurations(
          "veo3.1_fast",
          "Veo 3.1 Fast on Runway",
          "Google's Veo 3.1 Fast through Runway, with sound.",
          List.of(4, 6, 8),
          WIDE_AND_TALL,
          List.of(24),
          Set.of(
              Capability.FIRST_FRAME,
              Capability.LAST_FRAME,
              Capability.AUDIO_GENERATION,
              Capability.NEGATIVE_PROMPT),
          0,
          new BigDecimal("0.15")));

  private final String apiKey;

  public RunwayAdapter(ProviderInfo info, String baseUrl, String apiKey, HttpTimeouts timeouts) {
    super("runway", info, baseUrl, timeouts);
    this.apiKey = apiKey;
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var model = model(request.model());
    var references = request.references();
    if (references.firstFrame() == null && references.lastFrame() != null) {
      throw ProviderFailure.of(
          FailureCode.INVALID_INPUT, "Runway takes a last frame only after a first frame");
    }
    if (references.firstFrame() == null && model.id().equals("gen4_turbo")) {
      throw ProviderFailure.of(FailureCode.INVALID_INPUT, "gen4_turbo needs a first frame");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("model", model.id());
    body.put("promptText", request.prompt());
    body.put("ratio", request.size().width() + ":" + request.size().height());
    body.put("duration", request.duration().toSeconds());
    if (model.can(Capability.SEED)) {
      body.put("seed", request.seed());
    }
    if (model.can(Capability.AUDIO_GENERATION)) {
      body.put("audio", request.generateAudio());
    }
    if (model.can(Capability.NEGATIVE_PROMPT) && request.negativePrompt() != null) {
      body.put("negativePrompt", request.negativePrompt());
    }
    var endpoint = "/v1/text_to_video";
    if (references.firstFrame() != null) {
      endpoint = "/v1/image_to_video";
      body.put("promptImage", promptImage(references));
    }
    var task = postJson(http.post().uri(endpoint).headers(this::headers), body);
    var id = text(task, "id");
    if (id == null) {
      throw malformed("no task id");
    }
    return RemoteJob.of(id);
  }

  /** One image as a string; first and last as positioned entries. */
  private static Object promptImage(ReferenceMedia references) {
    var first = Shapes.dataUri(references.firstFrame());
    if (references.lastFrame() == null) {
      return first;
    }
    return List.of(
        Map.of("uri", first, "position", "first"),
        Map.of("uri", Shapes.dataUri(references.lastFrame()), "position", "last"));
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var task = json(http.get().uri("/v1/tasks/{id}", job.id()).headers(this::headers));
    var status = text(task, "status");
    if (status == null) {
      throw malformed("no status");
    }
    return switch (status) {
      case "PENDING", "THROTTLED" -> RemoteStatus.queued();
      case "RUNNING" -> RemoteStatus.running(task.path("progress").asDouble(-1));
      case "SUCCEEDED" -> {
        var url = task.path("output").path(0).asString(null);
        if (url == null || url.isBlank()) {
          throw malformed("a succeeded task without output");
        }
        yield RemoteStatus.completed(url);
      }
      case "FAILED" ->
        RemoteStatus.failed(failure(task.path("failureCode").asString(""), text(task, "failure")));
      case "CANCELLED", "CANCELED" ->
        RemoteStatus.ended(
            JobState.CANCELLED, ProviderFailure.of(FailureCode.CANCELLED, "task cancelled"));
      default -> throw malformed("unknown status " + status);
    };
  }

  /** {@code SAFETY.INPUT.*} and {@code SAFETY.OUTPUT.*} are Runway's content moderation. */
  private ProviderFailure failure(String code, String reason) {
    var detail = code + ": " + reason;
    if (code.startsWith("SAFETY") || code.contains(".SAFETY")) {
      return ProviderFailure.of(FailureCode.MODERATION_BLOCKED, detail);
    }
    if (code.startsWith("ASSET.INVALID") || code.startsWith("INPUT_PREPROCESSING")) {
      return ProviderFailure.of(FailureCode.INVALID_INPUT, detail);
    }
    return ProviderFailure.of(FailureCode.PROVIDER_ERROR, detail);
  }

  /** Output links are signed and need no key, so none is sent to their host. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(http.get().uri(URI.create(completed.resultLocation())), output);
  }

  /** Runway's one call both cancels a task that is running and deletes one that ended. */
  @Override
  public boolean cancel(RemoteJob job) {
    return delete(job);
  }

  @Override
  public boolean deleteRemote(RemoteJob job) {
    return delete(job);
  }

  private boolean delete(RemoteJob job) {
    json(http.delete().uri("/v1/tasks/{id}", job.id()).headers(this::headers));
    return true;
  }

  private void headers(HttpHeaders headers) {
    headers.setBearerAuth(apiKey);
    headers.set("X-Runway-Version", API_VERSION);
  }
}
