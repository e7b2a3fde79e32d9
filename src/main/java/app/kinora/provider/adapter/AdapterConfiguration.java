package app.kinora.provider.adapter;

import app.kinora.provider.ProviderProperties;
import app.kinora.provider.ProviderProperties.Platform;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates an adapter for each platform whose key (or, for self-hosted ones, URL) is configured. */
@Configuration(proxyBeanMethods = false)
class AdapterConfiguration {

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.openai-gateway", name = "base-url")
  OpenAiGatewayAdapter openAiGatewayAdapter(ProviderProperties properties) {
    var platform = properties.openaiGateway();
    return withModels(
        platform,
        new OpenAiGatewayAdapter(
            info(platform, "OpenAI-compatible gateway", "US"),
            platform.baseUrl(),
            platform.apiKey(),
            timeouts(properties)));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.openrouter", name = "api-key")
  OpenRouterAdapter openRouterAdapter(ProviderProperties properties) {
    var platform = properties.openrouter();
    return withModels(
        platform,
        new OpenRouterAdapter(
            info(platform, "OpenRouter", "US"),
            base(platform, "https://openrouter.ai/api/v1"),
            platform.apiKey(),
            callback(properties, "openrouter"),
            platform.webhookSecret(),
            timeouts(properties),
            Clock.systemUTC()));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.fal", name = "api-key")
  FalAdapter falAdapter(ProviderProperties properties) {
    var platform = properties.fal();
    return withModels(
        platform,
        new FalAdapter(
            info(platform, "fal.ai", "US"),
            base(platform, "https://queue.fal.run"),
            platform.apiKey(),
            callback(properties, "fal"),
            platform.webhookKeysUrl(),
            timeouts(properties),
            Clock.systemUTC()));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.replicate", name = "api-key")
  ReplicateAdapter replicateAdapter(ProviderProperties properties) {
    var platform = properties.replicate();
    return withModels(
        platform,
        new ReplicateAdapter(
            info(platform, "Replicate", "US"),
            base(platform, "https://api.replicate.com/v1"),
            platform.apiKey(),
            callback(properties, "replicate"),
            platform.webhookSecret(),
            timeouts(properties),
            Clock.systemUTC()));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.gemini", name = "api-key")
  VeoAdapter veoAdapter(ProviderProperties properties) {
    var platform = properties.gemini();
    return withModels(
        platform,
        new VeoAdapter(
            info(platform, "Google Gemini API", "US"),
            base(platform, "https://generativelanguage.googleapis.com/v1beta"),
            platform.apiKey(),
            timeouts(properties)));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.runway", name = "api-key")
  RunwayAdapter runwayAdapter(ProviderProperties properties) {
    var platform = properties.runway();
    return withModels(
        platform,
        new RunwayAdapter(
            info(platform, "Runway", "US"),
            base(platform, "https://api.dev.runwayml.com"),
            platform.apiKey(),
            timeouts(properties)));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.luma", name = "api-key")
  LumaAdapter lumaAdapter(ProviderProperties properties) {
    var platform = properties.luma();
    return withModels(
        platform,
        new LumaAdapter(
            info(platform, "Luma AI", "US"),
            base(platform, "https://api.lumalabs.ai/dream-machine/v1"),
            platform.apiKey(),
            callback(properties, "luma"),
            timeouts(properties)));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.kling", name = "api-key")
  KlingAdapter klingAdapter(ProviderProperties properties) {
    var platform = properties.kling();
    return withModels(
        platform,
        new KlingAdapter(
            info(platform, "Kling AI", "SG"),
            base(platform, "https://api-singapore.klingai.com"),
            platform.apiKey(),
            platform.secretKey(),
            callback(properties, "kling"),
            timeouts(properties),
            Clock.systemUTC()));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.minimax", name = "api-key")
  MiniMaxAdapter miniMaxAdapter(ProviderProperties properties) {
    var platform = properties.minimax();
    return withModels(
        platform,
        new MiniMaxAdapter(
            info(platform, "MiniMax", "SG"),
            base(platform, "https://api.minimax.io"),
            platform.apiKey(),
            timeouts(properties)));
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.comfyui", name = "base-url")
  ComfyUiAdapter comfyUiAdapter(ProviderProperties properties) {
    var comfy = properties.comfyui();
    var model = new ModelDescriptor(
        comfy.model(),
        comfy.model(),
        "A workflow on this site's own GPU server.",
        comfy.minSeconds(),
        comfy.maxSeconds(),
        java.util.List.of(),
        comfy.sizes().stream().map(VideoSize::parse).toList(),
        comfy.framesPerSecond(),
        Set.of(Capability.SEED, Capability.NEGATIVE_PROMPT),
        0,
        BigDecimal.ZERO);
    try {
      var name = comfy.name() == null ? "ComfyUI (self-hosted)" : comfy.name();
      var adapter = new ComfyUiAdapter(
          new ProviderInfo(name, comfy.country() == null ? "local" : comfy.country()),
          comfy.baseUrl(),
          model,
          Files.readString(comfy.workflow()),
          timeouts(properties));
      adapter.configureModels(comfy.models());
      return adapter;
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException(
          "kinora.provider.comfyui.workflow must name a readable workflow file", e);
    }
  }

  @Bean
  @ConditionalOnProperty(prefix = "kinora.provider.vertex", name = "credentials")
  VertexVeoAdapter vertexVeoAdapter(ProviderProperties properties) {
    var vertex = properties.vertex();
    var account = GoogleServiceAccount.fromKeyFile(vertex.credentials());
    var project = blank(vertex.project()) ? account.projectId() : vertex.project();
    if (blank(project)) {
      throw new IllegalStateException(
          "kinora.provider.vertex.project is missing and the key file names no project");
    }
    var adapter = new VertexVeoAdapter(
        new ProviderInfo(
            blank(vertex.name()) ? "Google Vertex AI" : vertex.name(),
            blank(vertex.country()) ? "US" : vertex.country()),
        blank(vertex.baseUrl())
            ? "https://" + vertex.location() + "-aiplatform.googleapis.com/v1"
            : vertex.baseUrl(),
        account,
        project,
        vertex.location(),
        vertex.storageUri(),
        VertexVeoAdapter.STORAGE_API,
        timeouts(properties));
    adapter.configureModels(vertex.models());
    return adapter;
  }

  /** The adapter with the operator's models of {@code kinora.provider.<platform>.models} applied. */
  private static <T extends HttpAdapter> T withModels(Platform platform, T adapter) {
    adapter.configureModels(platform.models());
    return adapter;
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  private static ProviderInfo info(Platform platform, String name, String country) {
    return new ProviderInfo(
        platform.name() == null ? name : platform.name(),
        platform.country() == null ? country : platform.country());
  }

  private static String base(Platform platform, String fallback) {
    return platform.baseUrl() == null || platform.baseUrl().isBlank()
        ? fallback
        : platform.baseUrl();
  }

  private static String callback(ProviderProperties properties, String provider) {
    var base = properties.publicBaseUrl();
    return base == null || base.isBlank()
        ? null
        : base.replaceAll("/+$", "") + "/providers/webhooks/" + provider;
  }

  private static HttpTimeouts timeouts(ProviderProperties properties) {
    return new HttpTimeouts(properties.connectTimeout(), properties.readTimeout());
  }
}
