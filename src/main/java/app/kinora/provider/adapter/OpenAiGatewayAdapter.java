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
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * Any service speaking the OpenAI Videos API shape ({@code POST /videos}, {@code GET
 * /videos/{id}}, {@code GET /videos/{id}/content}, {@code DELETE /videos/{id}}), configured by
 * base URL: a gateway, a self-hosted proxy, or another Kinora.
 */
public class OpenAiGatewayAdapter extends HttpAdapter {

  private static final List<ModelDescriptor> MODELS = List.of(
      ModelDescriptor.ofDurations(
          "sora-2",
          "Sora 2",
          "Sora 2 through an OpenAI-compatible gateway.",
          List.of(4, 8, 12),
          Shapes.WIDE_AND_TALL_720,
          List.of(30),
          Set.of(Capability.FIRST_FRAME),
          0,
          new BigDecimal("0.10")),
      ModelDescriptor.ofDurations(
          "sora-2-pro",
          "Sora 2 Pro",
          "Sora 2 Pro through an OpenAI-compatible gateway.",
          List.of(4, 8, 12),
          List.of(
              new VideoSize(1280, 720),
              new VideoSize(720, 1280),
              new VideoSize(1792, 1024),
              new VideoSize(1024, 1792)),
          List.of(30),
          Set.of(Capability.FIRST_FRAME),
          0,
          new BigDecimal("0.30")));

  private final String apiKey;

  public OpenAiGatewayAdapter(
      ProviderInfo info, String baseUrl, String apiKey, HttpTimeouts timeouts) {
    super("openai-gateway", info, baseUrl, timeouts);
    this.apiKey = apiKey;
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return MODELS;
  }

  /** JSON for text only; multipart when a first frame goes along, as the API takes files. */
  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    var seconds = String.valueOf(request.duration().toSeconds());
    var firstFrame = request.references().firstFrameIfAny();
    JsonNode job;
    if (firstFrame.isEmpty()) {
      var body = new LinkedHashMap<String, Object>();
      body.put("model", request.model());
      body.put("prompt", request.prompt());
      body.put("seconds", seconds);
      body.put("size", request.size().toString());
      job = postJson(http.post().uri("/videos").headers(h -> h.setBearerAuth(apiKey)), body);
    } else {
      var parts = new LinkedMultiValueMap<String, Object>();
      parts.add("model", request.model());
      parts.add("prompt", request.prompt());
      parts.add("seconds", seconds);
      parts.add("size", request.size().toString());
      parts.add("input_reference", new FileSystemResource(firstFrame.get()) {
        @Override
        public String getFilename() {
          return "input_reference.png";
        }
      });
      job = json(http.post()
          .uri("/videos")
          .headers(h -> h.setBearerAuth(apiKey))
          .contentType(MediaType.MULTIPART_FORM_DATA)
          .body(parts));
    }
    var id = text(job, "id");
    if (id == null) {
      throw malformed("no video id");
    }
    return RemoteJob.of(id);
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var video =
        json(http.get().uri("/videos/{id}", job.id()).headers(h -> h.setBearerAuth(apiKey)));
    var status = text(video, "status");
    if (status == null) {
      throw malformed("no status");
    }
    return switch (status) {
      case "queued" -> RemoteStatus.queued();
      case "in_progress" -> RemoteStatus.running(video.path("progress").asDouble(0) / 100);
      case "completed" -> RemoteStatus.completed(null);
      case "failed" -> RemoteStatus.failed(failure(video.path("error")));
      case "expired" ->
        RemoteStatus.ended(
            JobState.EXPIRED, ProviderFailure.of(FailureCode.EXPIRED, "video expired"));
      case "cancelled" ->
        RemoteStatus.ended(
            JobState.CANCELLED, ProviderFailure.of(FailureCode.CANCELLED, "video cancelled"));
      default -> throw malformed("unknown status " + status);
    };
  }

  private ProviderFailure failure(JsonNode error) {
    var code = error.path("code").asString("");
    var message = error.path("message").asString("");
    if (isModeration(code + " " + message)) {
      return ProviderFailure.of(FailureCode.MODERATION_BLOCKED, code + ": " + message);
    }
    if (code.contains("invalid")) {
      return ProviderFailure.of(FailureCode.INVALID_INPUT, code + ": " + message);
    }
    return ProviderFailure.of(FailureCode.PROVIDER_ERROR, code + ": " + message);
  }

  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    download(
        http.get().uri("/videos/{id}/content", job.id()).headers(h -> h.setBearerAuth(apiKey)),
        output);
  }

  @Override
  public boolean deleteRemote(RemoteJob job) {
    json(http.delete().uri("/videos/{id}", job.id()).headers(h -> h.setBearerAuth(apiKey)));
    return true;
  }
}
