package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** The OpenAI Videos API shape: {@code /v1/videos}, its status and {@code /content}. */
class OpenAiGatewayAdapterTest extends AdapterContract {

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new OpenAiGatewayAdapter(
        new ProviderInfo("Gateway", "DE"), baseUrl + "/v1", "sk-test", timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    return ProviderSpecs.textOnly(
        "sora-2", "A lighthouse in a storm", Duration.ofSeconds(8), new VideoSize(1280, 720), 42);
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/v1/videos").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("""
        {"id":"video_abc","object":"video","model":"sora-2","status":"queued","progress":0,"seconds":"8","size":"1280x720"}""");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of("video_abc");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/v1/videos/video_abc").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("""
        {"id":"video_abc","object":"video","status":"in_progress","progress":40}""");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.of(0.4);
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"id":"video_abc","object":"video","status":"completed","progress":100}"""));
    platform.stubFor(get("/v1/videos/video_abc/content")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"id":"video_abc","status":"failed","error":{"code":"internal_error","message":"Render node lost"}}""");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"id":"video_abc","status":"failed","error":{"code":"moderation_blocked","message":"Your request was blocked by our moderation system."}}"""));
  }

  @Override
  void stubExpired() {
    stubStatus(json("""
        {"id":"video_abc","status":"completed","progress":100,"expires_at":1700000000}"""));
    platform.stubFor(get("/v1/videos/video_abc/content")
        .willReturn(aResponse()
            .withStatus(404)
            .withBody("{\"error\":{\"message\":\"Video content expired\"}}")));
  }

  @org.junit.jupiter.api.Test
  void sendsAFirstFrameAsAMultipartFileWithANeutralName() throws Exception {
    stubSubmit(accepted());
    var image = png(dir);
    var request = ProviderSpecs.of(
        "sora-2",
        "A lighthouse in a storm",
        Duration.ofSeconds(8),
        new VideoSize(1280, 720),
        42,
        30,
        true,
        false,
        new app.kinora.provider.spi.ReferenceMedia(image, null, null, null));

    adapter(baseUrl()).submit(request);

    var sent = platform
        .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
            com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v1/videos")))
        .getFirst();
    var parts =
        new java.util.LinkedHashMap<String, com.github.tomakehurst.wiremock.http.Request.Part>();
    sent.getParts().forEach(part -> parts.put(part.getName(), part));
    org.assertj.core.api.Assertions.assertThat(parts.keySet())
        .containsExactlyInAnyOrder("model", "prompt", "seconds", "size", "input_reference");
    org.assertj.core.api.Assertions.assertThat(parts.get("prompt").getBody().asString())
        .isEqualTo("A lighthouse in a storm");
    org.assertj.core.api.Assertions.assertThat(parts.get("seconds").getBody().asString())
        .isEqualTo("8");
    org.assertj.core.api.Assertions.assertThat(
            parts.get("input_reference").getBody().asBytes())
        .isEqualTo(java.nio.file.Files.readAllBytes(image));
    org.assertj.core.api.Assertions.assertThat(
            parts.get("input_reference").getHeader("Content-Disposition").firstValue())
        .contains("filename=\"input_reference.png\"");
    assertNoPersonalHeaders(sent);
  }

  @Override
  String expectedPayload() {
    return """
        {"model":"sora-2","prompt":"A lighthouse in a storm","seconds":"8","size":"1280x720"}""";
  }
}
