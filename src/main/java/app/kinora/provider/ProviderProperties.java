package app.kinora.provider;

import app.kinora.provider.spi.Capability;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Model providers: which platforms are enabled (an adapter without its key or URL stays off), the
 * model aliases and their routes, and the cadence of calls.
 *
 * @param pollInitial first pause between two status polls; doubles up to {@code pollMax}
 * @param jobTimeout longest a remote job may take before it is cancelled and the next route tried
 * @param attempts tries of one call (submit, status, fetch) before its route counts as failed
 * @param retryWait first pause between tries, doubled each time, unless the platform said
 *     {@code Retry-After} (honoured up to {@code maxRetryAfter})
 * @param circuitOpenFor how long a platform whose calls keep failing gets no new jobs
 * @param publicBaseUrl Kinora's public address, for platforms' webhooks; empty means polling only
 * @param models model aliases users choose, each with an ordered chain of {@code provider:model}
 *     routes
 */
@Validated
@ConfigurationProperties("kinora.provider")
public record ProviderProperties(
    @DefaultValue("3s") Duration pollInitial,
    @DefaultValue("30s") Duration pollMax,
    @DefaultValue("30m") Duration jobTimeout,
    @DefaultValue("10s") Duration connectTimeout,
    @DefaultValue("60s") Duration readTimeout,
    @Min(1) @DefaultValue("3") int attempts,
    @DefaultValue("2s") Duration retryWait,
    @DefaultValue("60s") Duration maxRetryAfter,
    @DefaultValue("30s") Duration circuitOpenFor,
    String publicBaseUrl,
    Map<String, Alias> models,
    Platform openrouter,
    Platform fal,
    Platform replicate,
    Platform gemini,
    Platform openaiGateway,
    ComfyUi comfyui,
    Platform runway,
    Platform luma,
    Platform kling,
    Platform minimax,
    Vertex vertex) {

  public ProviderProperties {
    models = models == null ? Map.of() : Map.copyOf(models);
  }

  /**
   * A model as users see it, served by the first healthy of its routes.
   *
   * @param name shown in the model picker; empty means the first route's model name
   * @param routes {@code provider:model}, e.g. {@code fal:fal-ai/veo3/fast}, in order of preference
   */
  public record Alias(String name, String description, List<String> routes) {

    public Alias {
      routes = routes == null ? List.of() : List.copyOf(routes);
    }
  }

  /**
   * One platform's account.
   *
   * @param apiKey the platform's key (Kling: the access key); absent means the adapter is off
   * @param baseUrl empty means the platform's public API address
   * @param country where the platform processes requests (ISO code), shown in the transfer log
   * @param webhookSecret the platform's webhook signing secret; without it Kinora polls only
   * @param webhookKeysUrl where a platform that signs webhooks with public keys publishes them
   *     (fal.ai's JWKS); empty means the platform's documented address
   * @param secretKey the second half of a key pair where a platform signs its own tokens (Kling)
   * @param models models declared or corrected here, over the adapter's own list
   */
  public record Platform(
      String apiKey,
      String baseUrl,
      String country,
      String name,
      String webhookSecret,
      String webhookKeysUrl,
      String secretKey,
      List<PlatformModel> models) {

    public Platform {
      models = models == null ? List.of() : List.copyOf(models);
    }
  }

  /**
   * A model a platform offers, declared or corrected without code ({@code
   * kinora.provider.<platform>.models[i]}). An entry whose id the adapter already lists changes only
   * what it sets; an entry with a new id adds a model and must set its durations, sizes and price.
   *
   * @param id the platform's own model id, as routes name it
   * @param name shown in the model picker; for a new model, default the id
   * @param durations the only durations offered, in whole seconds (e.g. 4, 6, 8); or {@code
   *     minSeconds} and {@code maxSeconds} for every whole second of a range
   * @param sizes {@code WIDTHxHEIGHT}, the first being the default
   * @param framesPerSecond frame rates, the first the default; for a new model, default 24
   * @param capabilities e.g. {@code first-frame}, {@code last-frame}, {@code audio-generation},
   *     {@code seed}, {@code negative-prompt}; for a new model, default none
   * @param referenceImages how many reference images besides first and last frame; default 0
   * @param pricePerSecond what the platform charges per second of video, in US dollars
   */
  public record PlatformModel(
      String id,
      String name,
      String description,
      List<Integer> durations,
      Integer minSeconds,
      Integer maxSeconds,
      List<String> sizes,
      List<Integer> framesPerSecond,
      Set<Capability> capabilities,
      Integer referenceImages,
      BigDecimal pricePerSecond) {}

  /**
   * Google Veo on Vertex AI, signed in as a service account.
   *
   * @param credentials the service account's JSON key file; absent means the adapter is off
   * @param project the Google Cloud project; empty means the key file's project
   * @param location the Vertex AI region that runs the jobs and keeps their data
   * @param storageUri {@code gs://bucket/folder} where Veo writes the videos, which Kinora then
   *     downloads with the same account; empty means the video comes back in the answer itself
   * @param baseUrl empty means {@code https://<location>-aiplatform.googleapis.com/v1}
   */
  public record Vertex(
      Path credentials,
      String project,
      @DefaultValue("us-central1") String location,
      String storageUri,
      String baseUrl,
      String country,
      String name,
      List<PlatformModel> models) {

    public Vertex {
      models = models == null ? List.of() : List.copyOf(models);
    }
  }

  /**
   * A self-hosted ComfyUI server running one workflow.
   *
   * @param baseUrl the server, e.g. {@code http://gpu-box:8188}; absent means the adapter is off
   * @param workflow a workflow exported in API format, with placeholders such as {@code {{prompt}}}
   * @param model the id of the model it offers (use it in routes as {@code comfyui:<model>})
   * @param sizes {@code WIDTHxHEIGHT} sizes the workflow can render
   */
  public record ComfyUi(
      String baseUrl,
      String country,
      String name,
      Path workflow,
      @DefaultValue("comfyui-workflow") String model,
      @DefaultValue("2") int minSeconds,
      @DefaultValue("5") int maxSeconds,
      @DefaultValue("848x480,480x848") List<String> sizes,
      @DefaultValue("16") List<Integer> framesPerSecond,
      List<PlatformModel> models) {

    public ComfyUi {
      models = models == null ? List.of() : List.copyOf(models);
    }
  }
}
