package app.kinora.provider.adapter;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
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
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * MiniMax's Hailuo video API: {@code POST /v1/video_generation} (with {@code first_frame_image}
 * and {@code last_frame_image}), {@code GET /v1/query/video_generation?task_id=}, then {@code GET
 * /v1/files/retrieve?file_id=} for the download link, and {@code POST /v1/files/delete} to remove
 * the file. Bearer key. Errors come as HTTP 200 with {@code base_resp.status_code} other than 0.
 *
 * <p>MiniMax keeps no client reference, lists no tasks and has no cancel call, so a lost
 * submission cannot be looked up. Its {@code callback_url} is unsigned and must first answer a
 * {@code challenge} handshake, so Kinora polls only.
 *
 * <p>Sources: https://platform.minimax.io/docs/api-reference/video-generation-t2v, -i2v,
 * -fl2v (start/end frame), https://platform.minimax.io/docs/api-reference/video-generation-query,
 * https://platform.minimax.io/docs/api-reference/video-generation-download (files/retrieve),
 * https://platform.minimax.io/docs/api-reference/file-management-delete,
 * https://platform.minimax.io/docs/api-reference/errorcode and
 * https://platform.minimax.io/docs/guides/pricing (per video: 768P 6 s 0.28 USD, 10 s 0.56 USD).
 */
public class MiniMaxAdapter extends HttpAdapter {

  /** 768P as MiniMax renders it for text to video (16:9). */
  private static final List<VideoSize> SIZES = List.of(new VideoSize(1366, 768));

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "MiniMax-Hailuo-02",
          "Hailuo 02",
          "MiniMax's Hailuo 02 at 768p, from a prompt or between two pictures.",
          List.of(6, 10),
          SIZES,
          List.of(24),
          Set.of(Capability.FIRST_FRAME, Capability.LAST_FRAME),
          0,
          new BigDecimal("0.047")),
      ModelDescriptor.ofDurations(
          "MiniMax-Hailuo-2.3",
          "Hailuo 2.3",
          "MiniMax's Hailuo 2.3 at 768p, from a prompt or a picture.",
          List.of(6, 10),
          SIZES,
          List.of(24),
          Set.of(Capability.FIRST_FRAME),
          0,
          new BigDecimal("0.047")));

  private final String apiKey;

  public MiniMaxAdapter(ProviderInfo info, String baseUrl, String apiKey, HttpTimeouts timeouts) {
    super("minimax", info, baseUrl, timeouts);
    this.apiKey = apiKey;
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    model(request.model()); // refuses a model the platform does not offer
    var references = request.references();
    if (references.lastFrame() != null && references.firstFrame() == null) {
      throw ProviderFailure.of(
          FailureCode.INVALID_INPUT, "MiniMax takes a last frame only with a first frame");
    }
    var body = new LinkedHashMap<String, Object>();
    body.put("model", request.model());
    body.put("prompt", request.prompt());
    body.put("duration", request.duration().toSeconds());
    body.put("resolution", "768P");
    body.put("prompt_optimizer", false); // the prompt as the user wrote it
    references
        .firstFrameIfAny()
        .ifPresent(image -> body.put("first_frame_image", Shapes.dataUri(image)));
    references
        .lastFrameIfAny()
        .ifPresent(image -> body.put("last_frame_image", Shapes.dataUri(image)));
    var answer = checked(postJson(
        http.post().uri("/v1/video_generation").headers(h -> h.setBearerAuth(apiKey)), body));
    var id = text(answer, "task_id");
    if (id == null || id.isBlank()) {
      throw malformed("no task_id");
    }
    return RemoteJob.of(id);
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var answer = json(queryRequest(job));
    int code = answer.path("base_resp").path("status_code").asInt(-1);
    if (code == 1026 || code == 1027) { // the prompt or the made video was found sensitive
      return RemoteStatus.failed(ProviderFailure.of(
          FailureCode.MODERATION_BLOCKED, answer.path("base_resp").toString()));
    }
    var task = checked(answer);
    var status = text(task, "status");
    if (status == null) {
      throw malformed("no status");
    }
    return switch (status) {
      case "Preparing", "Queueing" -> RemoteStatus.queued();
      case "Processing" -> RemoteStatus.running(-1);
      case "Success" -> {
        var file = text(task, "file_id");
        if (file == null || file.isBlank()) {
          throw malformed("a finished task without file_id");
        }
        yield RemoteStatus.completed(file);
      }
      case "Fail" ->
        RemoteStatus.failed(
            ProviderFailure.of(FailureCode.PROVIDER_ERROR, "MiniMax task failed: " + task));
      default -> throw malformed("unknown status " + status);
    };
  }

  private RestClient.RequestHeadersSpec<?> queryRequest(RemoteJob job) {
    return http.get()
        .uri(uri -> uri.path("/v1/query/video_generation")
            .queryParam("task_id", job.id())
            .build())
        .headers(h -> h.setBearerAuth(apiKey));
  }

  /** The finished file's link comes from the file API; the link itself needs no key. */
  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    var file = checked(json(http.get()
            .uri(uri -> uri.path("/v1/files/retrieve")
                .queryParam("file_id", completed.resultLocation())
                .build())
            .headers(h -> h.setBearerAuth(apiKey))))
        .path("file");
    var url = file.path("download_url").asString(null);
    if (url == null || url.isBlank()) {
      throw ProviderFailure.of(FailureCode.EXPIRED, "MiniMax file has no download_url");
    }
    download(http.get().uri(URI.create(url)), output);
  }

  @Override
  public boolean deleteRemote(RemoteJob job) {
    var file = text(checked(json(queryRequest(job))), "file_id");
    if (file == null || file.isBlank()) {
      return false;
    }
    checked(postJson(
        http.post().uri("/v1/files/delete").headers(h -> h.setBearerAuth(apiKey)),
        Map.of("file_id", Long.parseLong(file), "purpose", "video_generation")));
    return true;
  }

  /**
   * MiniMax answers 200 with {@code base_resp}: 1002 rate limit (not accepted), 1004/2049 key
   * refused, 1008 balance used up, 1026/1027 sensitive input or output, 2013 invalid parameters.
   */
  private JsonNode checked(JsonNode answer) {
    var base = answer.path("base_resp");
    if (!base.isObject()) {
      throw malformed("no base_resp");
    }
    int code = base.path("status_code").asInt(-1);
    if (code == 0) {
      return answer;
    }
    var detail =
        info().name() + " answered " + code + ": " + base.path("status_msg").asString("");
    throw switch (code) {
      case 1002 -> ProviderFailure.transientFailure(FailureCode.RATE_LIMITED, detail, null);
      case 1004, 2049, 1008 -> ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, detail);
      case 1026, 1027 -> ProviderFailure.of(FailureCode.MODERATION_BLOCKED, detail);
      case 2013 -> ProviderFailure.of(FailureCode.INVALID_INPUT, detail);
      case 1000, 1001 ->
        ProviderFailure.transientFailure(FailureCode.PROVIDER_ERROR, detail, null)
            .withOutcomeUnknown();
      default -> ProviderFailure.of(FailureCode.PROVIDER_ERROR, detail);
    };
  }
}
