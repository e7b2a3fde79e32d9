package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.Lookup;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.shared.VideoSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A self-hosted ComfyUI server: the operator's workflow (API format) with placeholders replaced —
 * {@code "{{prompt}}"}, {@code "{{negative_prompt}}"}, {@code "{{seed}}"}, {@code "{{width}}"},
 * {@code "{{height}}"}, {@code "{{seconds}}"}, {@code "{{fps}}"}, {@code "{{frames}}"} — is sent to
 * {@code POST /prompt}; {@code GET /history/{id}} tells when it is done, and {@code GET /view} gives
 * the first video output.
 */
public class ComfyUiAdapter extends HttpAdapter {

  private static final String CLIENT_ID = "kinora";

  private final ModelDescriptor model;
  private final String workflow;

  /**
   * @param model what the workflow can do, from configuration
   * @param workflow the workflow in ComfyUI's API format, as JSON text
   */
  public ComfyUiAdapter(
      ProviderInfo info,
      String baseUrl,
      ModelDescriptor model,
      String workflow,
      HttpTimeouts timeouts) {
    super("comfyui", info, baseUrl, timeouts);
    this.model = model;
    this.workflow = workflow;
    if (!JSON.readTree(workflow).isObject()) {
      throw new IllegalArgumentException(
          "the ComfyUI workflow must be a JSON object in API format");
    }
  }

  @Override
  protected List<ModelDescriptor> builtInModels() {
    return List.of(model);
  }

  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request) {
    return submit(request, null);
  }

  /** ComfyUI takes the client's own prompt id: Kinora's reference becomes the job's id. */
  @Override
  public RemoteJob submit(VideoSpec<ReferenceMedia> request, String reference) {
    var seconds = request.duration().toSeconds();
    Map<String, JsonNode> values = Map.of(
        "{{prompt}}", StringNode.valueOf(request.prompt()),
        "{{negative_prompt}}",
            StringNode.valueOf(request.negativePrompt() == null ? "" : request.negativePrompt()),
        "{{seed}}", JSON.getNodeFactory().numberNode(request.seed()),
        "{{width}}", JSON.getNodeFactory().numberNode(request.size().width()),
        "{{height}}", JSON.getNodeFactory().numberNode(request.size().height()),
        "{{seconds}}", JSON.getNodeFactory().numberNode(seconds),
        "{{fps}}", JSON.getNodeFactory().numberNode(request.framesPerSecond()),
        "{{frames}}", JSON.getNodeFactory().numberNode(seconds * request.framesPerSecond() + 1));
    var graph = substitute(JSON.readTree(workflow), values);
    var body = JSON.createObjectNode();
    body.set("prompt", graph);
    body.put("client_id", CLIENT_ID);
    if (reference != null) {
      body.put("prompt_id", reference);
    }
    var queued = postJson(http.post().uri("/prompt"), body);
    var id = text(queued, "prompt_id");
    if (id == null) {
      throw malformed("no prompt_id");
    }
    return RemoteJob.of(id);
  }

  /** Replaces every string value that is exactly a placeholder, keeping numbers numbers. */
  private static JsonNode substitute(JsonNode node, Map<String, JsonNode> values) {
    if (node.isString() && values.containsKey(node.asString())) {
      return values.get(node.asString());
    }
    if (node instanceof ObjectNode object) {
      for (var name : List.copyOf(object.propertyNames())) {
        object.set(name, substitute(object.get(name), values));
      }
    } else if (node.isArray()) {
      var array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, substitute(array.get(i), values));
      }
    }
    return node;
  }

  @Override
  public RemoteStatus status(RemoteJob job) {
    var history = json(http.get().uri("/history/{id}", job.id()));
    var entry = history.path(job.id());
    if (entry.isMissingNode()) {
      return running(job) ? RemoteStatus.running(-1) : RemoteStatus.queued();
    }
    var status = entry.path("status");
    if ("error".equals(status.path("status_str").asString(""))) {
      return RemoteStatus.failed(ProviderFailure.of(
          FailureCode.PROVIDER_ERROR, "workflow failed: " + status.path("messages")));
    }
    if (!status.path("completed").asBoolean(false)) {
      return RemoteStatus.running(-1);
    }
    return RemoteStatus.completed(outputFile(entry.path("outputs")));
  }

  /** A prompt with this id is in the history (it ran) or on the queue; else it was never taken. */
  @Override
  public Lookup lookUp(String reference, java.time.Instant sentAt) {
    var job = RemoteJob.of(reference);
    if (!json(http.get().uri("/history/{id}", reference)).path(reference).isMissingNode()) {
      return Lookup.found(job);
    }
    var queue = json(http.get().uri("/queue"));
    for (var list : List.of("queue_running", "queue_pending")) {
      for (var item : queue.path(list)) {
        if (reference.equals(item.path(1).asString(""))) {
          return Lookup.found(job);
        }
      }
    }
    return Lookup.absent();
  }

  /**
   * ComfyUI lists a prompt in its history only once it has run; until then {@code GET /queue}
   * tells whether it is running ({@code queue_running}) or still waiting.
   */
  private boolean running(RemoteJob job) {
    for (var item : json(http.get().uri("/queue")).path("queue_running")) {
      if (job.id().equals(item.path(1).asString(""))) {
        return true;
      }
    }
    return false;
  }

  /** The first file among the nodes' outputs, as {@code filename|subfolder|type}. */
  private String outputFile(JsonNode outputs) {
    for (var node : outputs) {
      for (var kind : List.of("videos", "gifs", "images")) {
        var file = node.path(kind).path(0);
        if (file.has("filename")) {
          return String.join(
              "|",
              file.path("filename").asString(),
              file.path("subfolder").asString(""),
              file.path("type").asString("output"));
        }
      }
    }
    throw malformed("the workflow produced no file");
  }

  @Override
  public void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    var file = completed.resultLocation().split("\\|", -1);
    download(
        http.get()
            .uri(uri -> uri.path("/view")
                .queryParam("filename", file[0])
                .queryParam("subfolder", file[1])
                .queryParam("type", file[2])
                .build()),
        output);
  }

  /**
   * Takes a waiting prompt off the queue, and stops it if it is running ({@code /interrupt} with
   * its id stops that prompt only).
   */
  @Override
  public boolean cancel(RemoteJob job) {
    postJson(http.post().uri("/queue"), Map.of("delete", List.of(job.id())));
    if (running(job)) {
      postJson(http.post().uri("/interrupt"), Map.of("prompt_id", job.id()));
    }
    return true;
  }

  /** Forgets the prompt's history entry; the output file stays in the server's output folder. */
  @Override
  public boolean deleteRemote(RemoteJob job) {
    postJson(http.post().uri("/history"), Map.of("delete", List.of(job.id())));
    return true;
  }

  @Override
  protected ProviderFailure httpFailure(HttpStatusCode status, HttpHeaders headers, String body) {
    if (status.value() == 400) {
      return ProviderFailure.of(FailureCode.INVALID_INPUT, "ComfyUI refused the workflow: " + body);
    }
    return super.httpFailure(status, headers, body);
  }
}
