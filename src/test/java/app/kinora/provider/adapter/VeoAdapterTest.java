package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/** Veo through the Gemini API: {@code predictLongRunning} and its operation. */
class VeoAdapterTest extends AdapterContract {

  static final String OPERATION = "models/veo-3.1-fast-generate-preview/operations/op1";

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new VeoAdapter(
        new ProviderInfo("Google Gemini API", "US"), baseUrl + "/v1beta", "gm-key", timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "veo-3.1-fast-generate-preview",
          "A hummingbird at a flower",
          Duration.ofSeconds(6),
          new VideoSize(720, 1280),
          42,
          24,
          true,
          false,
          new ReferenceMedia(png(dir), null, null, null),
          "cartoon");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(
        post("/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("{\"name\":\"" + OPERATION + "\"}");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of(OPERATION);
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/v1beta/" + OPERATION).willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json(
        "{\"name\":\"" + OPERATION + "\",\"done\":false,\"metadata\":{\"progressPercent\":25}}");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.of(0.25);
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"name":"%s","done":true,"response":{"@type":"type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse",
         "generateVideoResponse":{"generatedSamples":[{"video":{"uri":"%s/v1beta/files/vid1:download?alt=media"}}]}}}""".formatted(OPERATION, baseUrl())));
    platform.stubFor(get(urlPathEqualTo("/v1beta/files/vid1:download"))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("{\"name\":\"" + OPERATION
        + "\",\"done\":true,\"error\":{\"code\":13,\"message\":\"Internal error\"}}");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"name":"%s","done":true,"response":{"generateVideoResponse":{"raiMediaFilteredCount":1,
         "raiMediaFilteredReasons":["The video could not be generated because it may violate our policies."]}}}""".formatted(OPERATION)));
  }

  @Override
  void stubExpired() {
    stubCompleted(new byte[0]);
    platform.stubFor(get(urlPathEqualTo("/v1beta/files/vid1:download"))
        .willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"instances":[{"prompt":"A hummingbird at a flower","image":{"bytesBase64Encoded":"%s","mimeType":"image/png"}}],
           "parameters":{"aspectRatio":"9:16","resolution":"720p","durationSeconds":6,"negativePrompt":"cartoon"}}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
