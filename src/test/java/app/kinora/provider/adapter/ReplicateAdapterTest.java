package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Replicate's predictions and its Standard-Webhooks signatures. */
class ReplicateAdapterTest extends AdapterContract {

  static final Instant NOW = Instant.parse("2026-11-29T05:00:00Z");
  static final String SECRET = "whsec_"
      + Base64.getEncoder()
          .encodeToString("replicate signing key".getBytes(StandardCharsets.UTF_8));

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new ReplicateAdapter(
        new ProviderInfo("Replicate", "US"),
        baseUrl + "/v1",
        "r8_test",
        null,
        null,
        timeouts,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "google/veo-3-fast",
          "A paper boat on a river",
          Duration.ofSeconds(8),
          new VideoSize(1280, 720),
          42,
          24,
          false,
          false,
          new ReferenceMedia(png(dir), null, null, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/v1/models/google/veo-3-fast/predictions").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("""
        {"id":"pred-1","model":"google/veo-3-fast","status":"starting","output":null,"error":null,
         "urls":{"get":"https://api.replicate.com/v1/predictions/pred-1","cancel":"https://api.replicate.com/v1/predictions/pred-1/cancel"}}""").withStatus(201);
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of("pred-1");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/v1/predictions/pred-1").willReturn(answer));
  }

  /**
   * Replicate lists recent predictions, newest first, a page at a time: the one with this
   * request's input (its image as Replicate's own link) is the lost submission's; another seed is
   * someone else's, and the listing stops at predictions older than the submission.
   */
  @Override
  app.kinora.provider.spi.Lookup stubLookUp(String reference) {
    var now = java.time.Instant.now();
    platform.stubFor(get("/v1/predictions")
        .willReturn(json("""
        {"next":"%s/v1/predictions?cursor=2","previous":null,"results":[
          {"id":"pred-other","model":"google/veo-3-fast","created_at":"%s","status":"processing",
           "input":{"prompt":"A paper boat on a river","duration":8,"aspect_ratio":"16:9",
                    "resolution":"720p","generate_audio":false,"seed":7}},
          {"id":"pred-1","model":"google/veo-3-fast","created_at":"%s","status":"starting",
           "input":{"prompt":"A paper boat on a river","duration":8,"aspect_ratio":"16:9",
                    "resolution":"720p","generate_audio":false,"seed":42,
                    "image":"https://replicate.delivery/pbxt/first.png"}}]}""".formatted(baseUrl(), now, now.minusSeconds(30)))));
    platform.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/predictions?cursor=2"))
            .willReturn(json("""
            {"next":"%s/v1/predictions?cursor=3","results":[
              {"id":"pred-old","model":"google/veo-3-fast","created_at":"%s","status":"succeeded",
               "input":{"prompt":"A paper boat on a river","duration":8,"aspect_ratio":"16:9",
                        "resolution":"720p","generate_audio":false,"seed":42}}]}""".formatted(baseUrl(), now.minusSeconds(3600)))));
    return app.kinora.provider.spi.Lookup.found(RemoteJob.of("pred-1"));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("""
        {"id":"pred-1","status":"processing","logs":"step 3/30"}""");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"id":"pred-1","status":"succeeded","output":"%s/files/pred-1.mp4","metrics":{"predict_time":41.25}}""".formatted(baseUrl())));
    platform.stubFor(get("/files/pred-1.mp4")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  /** Replicate gives no price, only the seconds of compute a finished prediction used. */
  @Override
  Optional<ReportedCost> expectedCost() {
    return Optional.of(ReportedCost.units(new BigDecimal("41.25"), "seconds of compute"));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"id":"pred-1","status":"failed","error":"CUDA out of memory"}""");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"id":"pred-1","status":"failed","error":"The input or output was flagged as sensitive. Please try again with different inputs. (E005)"}"""));
  }

  @Override
  void stubExpired() {
    stubStatus(json("""
        {"id":"pred-1","status":"succeeded","output":null,"data_removed":true}"""));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"input":{"prompt":"A paper boat on a river","duration":8,"aspect_ratio":"16:9","resolution":"720p",
            "generate_audio":false,"seed":42,"image":"data:image/png;base64,%s"}}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void acceptsOnlyWebhooksSignedWithTheSecret() {
    var adapter = new ReplicateAdapter(
        new ProviderInfo("Replicate", "US"),
        baseUrl() + "/v1",
        "r8_test",
        "https://kinora.example/providers/webhooks/replicate",
        SECRET,
        TIMEOUTS,
        Clock.fixed(NOW, ZoneOffset.UTC));
    var body = "{\"id\":\"pred-1\",\"status\":\"succeeded\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(adapter.verifiedJobId(signed("msg_1", body, SECRET), body)).contains("pred-1");
    assertThatThrownBy(() -> adapter.verifiedJobId(
            signed(
                "msg_1",
                body,
                "whsec_"
                    + Base64.getEncoder().encodeToString("wrong".getBytes(StandardCharsets.UTF_8))),
            body))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
  }

  private static HttpHeaders signed(String id, byte[] body, String secret) {
    var timestamp = String.valueOf(NOW.getEpochSecond());
    var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    var mac = Signatures.hmacSha256(
        key,
        Signatures.concat((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8), body));
    var headers = new HttpHeaders();
    headers.add("webhook-id", id);
    headers.add("webhook-timestamp", timestamp);
    headers.add("webhook-signature", "v1," + Base64.getEncoder().encodeToString(mac));
    return headers;
  }
}
