package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/** A self-hosted ComfyUI: {@code /prompt}, {@code /history/{id}}, {@code /view}. */
class ComfyUiAdapterTest extends AdapterContract {

  static final String WORKFLOW = """
      {"3":{"class_type":"KSampler","inputs":{"seed":"{{seed}}","steps":20,"model":["4",0]}},
       "6":{"class_type":"CLIPTextEncode","inputs":{"text":"{{prompt}}","clip":["4",1]}},
       "7":{"class_type":"CLIPTextEncode","inputs":{"text":"{{negative_prompt}}","clip":["4",1]}},
       "8":{"class_type":"EmptyHunyuanLatentVideo","inputs":{"width":"{{width}}","height":"{{height}}","length":"{{frames}}"}}}""";

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    var model = new ModelDescriptor(
        "wan-local",
        "Wan on our GPU",
        "A workflow on this site's own GPU server.",
        2,
        5,
        List.of(new VideoSize(848, 480)),
        List.of(16),
        Set.of(Capability.SEED, Capability.NEGATIVE_PROMPT));
    return new ComfyUiAdapter(
        new ProviderInfo("ComfyUI (self-hosted)", "FR"), baseUrl, model, WORKFLOW, timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    return ProviderSpecs.of(
        "wan-local",
        "A \"quoted\" candle",
        Duration.ofSeconds(2),
        new VideoSize(848, 480),
        42,
        16,
        false,
        false,
        ReferenceMedia.NONE,
        "blurry");
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/prompt").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("{\"prompt_id\":\"p-1\",\"number\":3,\"node_errors\":{}}");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of("p-1");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/history/p-1").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("{}");
  }

  /** ComfyUI keeps the prompt id the client chose: a waiting prompt with it is found on the queue. */
  @Override
  app.kinora.provider.spi.Lookup stubLookUp(String reference) {
    platform.stubFor(get("/history/" + reference).willReturn(json("{}")));
    platform.stubFor(get("/queue").willReturn(json("""
        {"queue_running":[[3,"p-1",{},{},["9"]]],"queue_pending":[[5,"%s",{},{},["9"]]]}""".formatted(reference))));
    return app.kinora.provider.spi.Lookup.found(RemoteJob.of(reference));
  }

  @org.junit.jupiter.api.Test
  void aPromptNeverTakenIsSurelyAbsent() {
    platform.stubFor(get("/history/kinora-lost").willReturn(json("{}")));

    assertThat(adapter(baseUrl()).lookUp("kinora-lost", java.time.Instant.now()))
        .isEqualTo(app.kinora.provider.spi.Lookup.absent());
  }

  @org.junit.jupiter.api.Test
  void sendsKinorasReferenceAsThePromptId() {
    stubSubmit(accepted());

    adapter(baseUrl()).submit(request(), "kinora-ref-1");

    assertThat(platform
            .findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/prompt")))
            .getFirst()
            .getBodyAsString())
        .contains("\"prompt_id\":\"kinora-ref-1\"");
  }

  @org.junit.jupiter.api.BeforeEach
  void queue() {
    platform.stubFor(get("/queue").willReturn(json("""
        {"queue_running":[[3,"p-1",{},{},["9"]]],"queue_pending":[[4,"p-2",{},{},["9"]]]}""")));
  }

  @org.junit.jupiter.api.Test
  void tellsARunningPromptFromAWaitingOne() {
    stubStatus(json("{}"));
    platform.stubFor(get("/history/p-2").willReturn(json("{}")));

    org.assertj.core.api.Assertions.assertThat(
            adapter(baseUrl()).status(RemoteJob.of("p-1")).state())
        .isEqualTo(app.kinora.provider.spi.JobState.IN_PROGRESS);
    org.assertj.core.api.Assertions.assertThat(
            adapter(baseUrl()).status(RemoteJob.of("p-2")).state())
        .isEqualTo(app.kinora.provider.spi.JobState.QUEUED);
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"p-1":{"prompt":[3,"p-1",{}],"status":{"status_str":"success","completed":true,"messages":[]},
         "outputs":{"9":{"gifs":[{"filename":"kinora_00001.mp4","subfolder":"","type":"output","format":"video/h264-mp4"}]}}}}"""));
    platform.stubFor(get(urlPathEqualTo("/view"))
        .withQueryParam("filename", equalTo("kinora_00001.mp4"))
        .withQueryParam("type", equalTo("output"))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"p-1":{"status":{"status_str":"error","completed":false,"messages":[["execution_error",{"node_id":"3"}]]},"outputs":{}}}""");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.empty(); // a self-hosted server has no content rules of its own
  }

  @Override
  void stubExpired() {
    stubCompleted(new byte[0]);
    platform.stubFor(get(urlPathEqualTo("/view")).willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    return """
        {"prompt":{"3":{"class_type":"KSampler","inputs":{"seed":42,"steps":20,"model":["4",0]}},
           "6":{"class_type":"CLIPTextEncode","inputs":{"text":"A \\"quoted\\" candle","clip":["4",1]}},
           "7":{"class_type":"CLIPTextEncode","inputs":{"text":"blurry","clip":["4",1]}},
           "8":{"class_type":"EmptyHunyuanLatentVideo","inputs":{"width":848,"height":480,"length":33}}},
         "client_id":"kinora"}""";
  }
}
