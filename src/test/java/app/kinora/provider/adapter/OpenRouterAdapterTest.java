package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** OpenRouter's {@code /api/v1/videos}, its model list and its signed webhooks. */
class OpenRouterAdapterTest extends AdapterContract {

  static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
  static final String SECRET = "whsec-openrouter-test";

  @BeforeEach
  void modelList() {
    platform.stubFor(get("/api/v1/videos/models").willReturn(json("""
        {"data":[{"id":"google/veo-3.1","canonical_slug":"google/veo-3.1","name":"Google: Veo 3.1","created":1719792000,
          "supported_resolutions":["720p","1080p"],"supported_aspect_ratios":["16:9","9:16"],
          "supported_durations":[4,6,8],"supported_frame_images":["first_frame","last_frame"],
          "generate_audio":true,"seed":true,"pricing_skus":{"per-video-second":"0.50"},
          "allowed_passthrough_parameters":[]}]}""")));
  }

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new OpenRouterAdapter(
        new ProviderInfo("OpenRouter", "US"),
        baseUrl + "/api/v1",
        "or-test",
        null,
        null,
        timeouts,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "google/veo-3.1",
          "A fox in fresh snow",
          Duration.ofSeconds(8),
          new VideoSize(1280, 720),
          42,
          24,
          true,
          false,
          new ReferenceMedia(png(dir), null, null, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/api/v1/videos").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("""
        {"id":"job_123","polling_url":"/api/v1/videos/job_123","status":"pending"}""");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of("job_123");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/api/v1/videos/job_123").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("""
        {"id":"job_123","status":"in_progress"}""");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"id":"job_123","generation_id":"gen-xyz789","polling_url":"/api/v1/videos/job_123","status":"completed",
         "unsigned_urls":["https://openrouter.ai/api/v1/videos/job_123/content?index=0"],
         "usage":{"cost":0.5,"is_byok":false}}"""));
    platform.stubFor(get(urlPathEqualTo("/api/v1/videos/job_123/content"))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  Optional<ReportedCost> expectedCost() {
    return Optional.of(ReportedCost.usd(new BigDecimal("0.5")));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"id":"job_123","status":"failed","error":"Upstream provider returned an error"}""");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"id":"job_123","status":"failed","error":"The prompt was rejected by content moderation"}"""));
  }

  @Override
  void stubExpired() {
    stubStatus(json("""
        {"id":"job_123","status":"expired"}"""));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"model":"google/veo-3.1","prompt":"A fox in fresh snow","duration":8,"resolution":"720p","aspect_ratio":"16:9",
           "generate_audio":true,"seed":42,
           "frame_images":[{"type":"image_url","image_url":{"url":"data:image/png;base64,%s"},"frame_type":"first_frame"}]}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** With the operator's own key at the model's maker (BYOK), the maker bills: no cost of OpenRouter's counts. */
  @Test
  void reportsNoCostForAVideoBilledToTheOperatorsOwnKey() {
    stubStatus(json("""
        {"id":"job_123","status":"completed","usage":{"cost":0.02,"is_byok":true}}"""));

    assertThat(adapter(baseUrl()).status(expectedJob()).costIfReported()).isEmpty();
  }

  @Test
  void describesModelsFromTheirListing() {
    var adapter = (OpenRouterAdapter) adapter(baseUrl());
    var model = adapter.refreshModels().getFirst();

    assertThat(model.id()).isEqualTo("google/veo-3.1");
    assertThat(model.secondsOffered()).containsExactly(4, 6, 8);
    assertThat(model.sizes()).contains(new VideoSize(1280, 720), new VideoSize(1080, 1920));
    assertThat(model.can(Capability.LAST_FRAME)).isTrue();
    assertThat(model.pricePerSecond()).isEqualByComparingTo(new BigDecimal("0.50"));
    assertThat(adapter.models()).containsExactly(model);
  }

  @Test
  void asksForACallbackOnlyWithASigningSecret() {
    stubSubmit(accepted());
    var adapter = new OpenRouterAdapter(
        new ProviderInfo("OpenRouter", "US"),
        baseUrl() + "/api/v1",
        "or-test",
        "https://kinora.example/providers/webhooks/openrouter",
        SECRET,
        TIMEOUTS,
        Clock.fixed(NOW, ZoneOffset.UTC));

    adapter.submit(request());

    assertThat(platform
            .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/api/v1/videos")))
            .getFirst()
            .getBodyAsString())
        .contains("\"callback_url\":\"https://kinora.example/providers/webhooks/openrouter\"");
  }

  @Test
  void acceptsOnlyWebhooksSignedWithTheSecret() {
    var adapter = new OpenRouterAdapter(
        new ProviderInfo("OpenRouter", "US"),
        baseUrl() + "/api/v1",
        "or-test",
        null,
        SECRET,
        TIMEOUTS,
        Clock.fixed(NOW, ZoneOffset.UTC));
    var body = """
        {"type":"video.generation.completed","created_at":"2026-11-29T05:00:00Z","data":{"id":"job_123","status":"completed"}}""".getBytes(StandardCharsets.UTF_8);

    assertThat(adapter.verifiedJobId(signed(body, SECRET, NOW), body)).contains("job_123");
    assertThatThrownBy(() -> adapter.verifiedJobId(signed(body, "another secret", NOW), body))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
    assertThatThrownBy(
            () -> adapter.verifiedJobId(signed(body, SECRET, NOW.minusSeconds(3600)), body))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
  }

  static HttpHeaders signed(byte[] body, String secret, Instant at) {
    var timestamp = String.valueOf(at.getEpochSecond());
    var mac = Signatures.hmacSha256(
        secret.getBytes(StandardCharsets.UTF_8),
        Signatures.concat((timestamp + ",").getBytes(StandardCharsets.UTF_8), body));
    var headers = new HttpHeaders();
    headers.add(
        "X-OpenRouter-Signature", "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac));
    return headers;
  }
}
