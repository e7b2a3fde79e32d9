package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.Lookup;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/** Luma's Dream Machine generations, answered as its OpenAPI document and SDKs describe them. */
class LumaAdapterTest extends AdapterContract {

  static final String ID = "d1968551-6113-4b46-b567-09210c2e79b0";
  static final String CALLBACK = "https://kinora.example/providers/webhooks/luma";
  static final Instant SENT = Instant.parse("2026-12-04T18:00:00Z");

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new LumaAdapter(
        new ProviderInfo("Luma AI", "US"),
        baseUrl + "/dream-machine/v1",
        "luma-test",
        null,
        timeouts);
  }

  LumaAdapter withCallbacks() {
    return new LumaAdapter(
        new ProviderInfo("Luma AI", "US"),
        baseUrl() + "/dream-machine/v1",
        "luma-test",
        CALLBACK,
        TIMEOUTS);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    return ProviderSpecs.of(
        "ray-2",
        "A paper boat on a river",
        Duration.ofSeconds(5),
        new VideoSize(1280, 720),
        42,
        24,
        false,
        false,
        ReferenceMedia.NONE);
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/dream-machine/v1/generations/video").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json(generation("queued", "")).withStatus(201);
  }

  static String generation(String state, String more) {
    return """
        {"id":"%s","generation_type":"video","state":"%s","failure_reason":null,
         "created_at":"2026-12-04T18:00:01.120Z","model":"ray-2",
         "assets":{"video":null,"image":null,"progress_video":null},
         "request":{"generation_type":"video","model":"ray-2","prompt":"A paper boat on a river",
                    "aspect_ratio":"16:9","resolution":"720p","duration":"5s"}%s}""".formatted(ID, state, more);
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of(ID);
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/dream-machine/v1/generations/" + ID).willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json(generation("dreaming", ""));
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json(generation("completed", "")
        .replace(
            "\"video\":null", "\"video\":\"" + baseUrl() + "/dream_machine/" + ID + ".mp4\"")));
    platform.stubFor(get("/dream_machine/" + ID + ".mp4")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json(generation("failed", "")
        .replace("\"failure_reason\":null", "\"failure_reason\":\"Internal server error\""));
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json(generation("failed", "")
        .replace(
            "\"failure_reason\":null",
            "\"failure_reason\":\"400: prompt not allowed because advanced moderation failed\"")));
  }

  @Override
  void stubExpired() {
    stubStatus(json(generation("completed", "")
        .replace("\"video\":null", "\"video\":\"" + baseUrl() + "/dream_machine/gone.mp4\"")));
    platform.stubFor(get("/dream_machine/gone.mp4").willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    return """
        {"generation_type":"video","model":"ray-2","prompt":"A paper boat on a river",
         "aspect_ratio":"16:9","resolution":"720p","duration":"5s"}""";
  }

  @Test
  void authorisesWithTheKey() {
    stubSubmit(accepted());

    adapter(baseUrl()).submit(request());

    platform.verify(postRequestedFor(urlEqualTo("/dream-machine/v1/generations/video"))
        .withHeader("Authorization", equalTo("Bearer luma-test")));
  }

  @Test
  void withCallbacksTheAddressCarriesTheSealedReference() throws Exception {
    stubSubmit(accepted());

    withCallbacks().submit(request(), "kinora-attempt-1");

    var sent = JsonMapper.builder()
        .build()
        .readTree(platform
            .findAll(postRequestedFor(urlEqualTo("/dream-machine/v1/generations/video")))
            .getFirst()
            .getBodyAsString());
    var callback = sent.path("callback_url").asString();
    assertThat(callback).startsWith(CALLBACK + "?ref=kinora-attempt-1.");
    assertThat(new ReferenceSeal("luma-test").open(callback.substring(callback.indexOf("=") + 1)))
        .contains("kinora-attempt-1");
  }

  @Test
  void acceptsOnlyCallbacksEchoingASealedReference() {
    var adapter = withCallbacks();
    var sealed = new ReferenceSeal("luma-test").seal("kinora-attempt-1");
    var genuine = generation("completed", "")
        .replace(
            "\"duration\":\"5s\"}",
            "\"duration\":\"5s\",\"callback_url\":\"" + CALLBACK + "?ref=" + sealed + "\"}");
    var forged = genuine.replace(sealed, "kinora-attempt-1.0123456789abcdef");

    assertThat(adapter.verifiedJobId(new HttpHeaders(), bytes(genuine))).contains(ID);
    assertThatThrownBy(() -> adapter.verifiedJobId(new HttpHeaders(), bytes(forged)))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
    assertThatThrownBy(
            () -> adapter.verifiedJobId(new HttpHeaders(), bytes(generation("completed", ""))))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
    assertThatThrownBy(() ->
            ((LumaAdapter) adapter(baseUrl())).verifiedJobId(new HttpHeaders(), bytes(genuine)))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
  }

  @Test
  void findsALostSubmissionAmongRecentGenerations() {
    var sealed = new ReferenceSeal("luma-test").seal("kinora-attempt-1");
    platform.stubFor(get(urlPathEqualTo("/dream-machine/v1/generations"))
        .willReturn(json("""
            {"generations":[
              {"id":"other-newer","state":"queued","created_at":"2026-12-04T18:00:09Z",
               "request":{"callback_url":"%s?ref=kinora-attempt-2.aaaaaaaaaaaaaaaa"}},
              {"id":"%s","state":"queued","created_at":"2026-12-04T18:00:01Z",
               "request":{"callback_url":"%s?ref=%s"}}],
             "has_more":true,"count":2,"limit":100,"offset":0}""".formatted(CALLBACK, ID, CALLBACK, sealed))));

    var lookup = withCallbacks().lookUp("kinora-attempt-1", SENT);

    assertThat(lookup.job()).contains(RemoteJob.of(ID));
  }

  @Test
  void aSubmissionMissingFromEveryGenerationSinceItWasSentIsAbsent() {
    platform.stubFor(get(urlPathEqualTo("/dream-machine/v1/generations")).willReturn(json("""
            {"generations":[
              {"id":"newer","state":"queued","created_at":"2026-12-04T18:00:09Z","request":{}},
              {"id":"older","state":"completed","created_at":"2026-12-04T17:40:00Z","request":{}}],
             "has_more":true,"count":2,"limit":100,"offset":0}""")));

    assertThat(withCallbacks().lookUp("kinora-attempt-1", SENT).isAbsent()).isTrue();
  }

  @Test
  void cannotTellWhenTheListIsNotNewestFirstOrCallbacksAreOff() {
    platform.stubFor(get(urlPathEqualTo("/dream-machine/v1/generations")).willReturn(json("""
            {"generations":[
              {"id":"a","state":"queued","created_at":"2026-12-04T18:00:09Z","request":{}},
              {"id":"b","state":"queued","created_at":"2026-12-04T18:00:19Z","request":{}}],
             "has_more":true}""")));

    Lookup unordered = withCallbacks().lookUp("kinora-attempt-1", SENT);
    Lookup polling = adapter(baseUrl()).lookUp("kinora-attempt-1", SENT);

    assertThat(unordered.job()).isEmpty();
    assertThat(unordered.isAbsent()).isFalse();
    assertThat(polling.job()).isEmpty();
    assertThat(polling.isAbsent()).isFalse();
  }

  @Test
  void refusesReferencePicturesItCouldOnlyTakeAsPublicLinks() throws IOException {
    var request = ProviderSpecs.of(
        "ray-2",
        "A cat",
        Duration.ofSeconds(5),
        new VideoSize(1280, 720),
        1,
        24,
        false,
        false,
        new ReferenceMedia(png(dir), null, null, null));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("invalid_input"));
    assertThat(platform.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void deletesTheGenerationButCannotCancelIt() {
    platform.stubFor(
        delete("/dream-machine/v1/generations/" + ID).willReturn(aResponse().withStatus(204)));
    var adapter = adapter(baseUrl());

    assertThat(adapter.deleteRemote(expectedJob())).isTrue();
    assertThat(adapter.cancel(expectedJob())).isFalse();
    platform.verify(1, deleteRequestedFor(urlEqualTo("/dream-machine/v1/generations/" + ID)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
