package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderRequest;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** The OpenAI Videos API shape: {@code /v1/videos}, its status and {@code /content}. */
class OpenAiGatewayAdapterTest extends AdapterContract {

  @Override
  HttpAdapter adapter(String baseUrl) {
    return new OpenAiGatewayAdapter(new ProviderInfo("Gateway", "DE"), baseUrl + "/v1", "sk-test", TIMEOUTS);
  }

  @Override
  ProviderRequest request() {
    return ProviderRequest.textOnly("sora-2", "A lighthouse in a storm", Duration.ofSeconds(8), new VideoSize(1280, 720), 42);
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
    platform.stubFor(get("/v1/videos/video_abc/content").willReturn(aResponse().withStatus(404)
        .withBody("{\"error\":{\"message\":\"Video content expired\"}}")));
  }

  @Override
  String expectedPayload() {
    return """
        {"model":"sora-2","prompt":"A lighthouse in a storm","seconds":"8","size":"1280x720"}""";
  }
}
