package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** MiniMax's Hailuo tasks and files, answered as platform.minimax.io documents them. */
class MiniMaxAdapterTest extends AdapterContract {

  static final String TASK = "106916112212032";
  static final String FILE = "205258526306433";
  static final String OK = "\"base_resp\":{\"status_code\":0,\"status_msg\":\"success\"}";

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new MiniMaxAdapter(new ProviderInfo("MiniMax", "SG"), baseUrl, "mm-test", timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "MiniMax-Hailuo-02",
          "A paper boat on a river",
          Duration.ofSeconds(6),
          new VideoSize(1366, 768),
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
    platform.stubFor(post("/v1/video_generation").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("{\"task_id\":\"" + TASK + "\"," + OK + "}");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of(TASK);
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get(urlPathEqualTo("/v1/query/video_generation"))
        .withQueryParam("task_id", equalTo(TASK))
        .willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json(
        "{\"task_id\":\"" + TASK + "\",\"status\":\"Processing\",\"file_id\":\"\"," + OK + "}");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  private ResponseDefinitionBuilder succeeded() {
    return json("""
        {"task_id":"%s","status":"Success","file_id":"%s","video_width":1366,"video_height":768,%s}""".formatted(TASK, FILE, OK));
  }

  private void stubFile(String downloadPath) {
    platform.stubFor(get(urlPathEqualTo("/v1/files/retrieve"))
        .withQueryParam("file_id", equalTo(FILE))
        .willReturn(json("""
            {"file":{"file_id":%s,"bytes":5896337,"created_at":1733335200,"filename":"output.mp4",
                     "purpose":"video_generation","download_url":"%s%s"},%s}""".formatted(FILE, baseUrl(), downloadPath, OK))));
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(succeeded());
    stubFile("/files/output.mp4?Expires=1");
    platform.stubFor(get(urlEqualTo("/files/output.mp4?Expires=1"))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("{\"task_id\":\"" + TASK + "\",\"status\":\"Fail\",\"file_id\":\"\"," + OK + "}");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"task_id":"%s","status":"Fail","file_id":"",
         "base_resp":{"status_code":1027,"status_msg":"video output sensitive"}}""".formatted(TASK)));
  }

  @Override
  void stubExpired() {
    stubStatus(succeeded());
    stubFile("/files/gone.mp4");
    platform.stubFor(get("/files/gone.mp4").willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"model":"MiniMax-Hailuo-02","prompt":"A paper boat on a river","duration":6,
           "resolution":"768P","prompt_optimizer":false,
           "first_frame_image":"data:image/png;base64,%s"}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void authorisesWithTheKeyAndSendsBothFrames() throws IOException {
    stubSubmit(accepted());
    var first = png(dir);
    var last = Files.copy(first, dir.resolve("last.png"));
    var request = ProviderSpecs.of(
        "MiniMax-Hailuo-02",
        "A door opens",
        Duration.ofSeconds(10),
        new VideoSize(1366, 768),
        1,
        24,
        false,
        false,
        new ReferenceMedia(first, last, null, null));

    adapter(baseUrl()).submit(request);

    var image = "data:image/png;base64," + base64(first);
    platform.verify(postRequestedFor(urlEqualTo("/v1/video_generation"))
        .withHeader("Authorization", equalTo("Bearer mm-test"))
        .withRequestBody(equalToJson("""
            {"model":"MiniMax-Hailuo-02","prompt":"A door opens","duration":10,"resolution":"768P",
             "prompt_optimizer":false,"first_frame_image":"%s","last_frame_image":"%s"}""".formatted(image, image))));
  }

  @Test
  void refusesALastFrameWithoutAFirst() throws IOException {
    var request = ProviderSpecs.of(
        "MiniMax-Hailuo-02",
        "A door closes",
        Duration.ofSeconds(6),
        new VideoSize(1366, 768),
        1,
        24,
        false,
        false,
        new ReferenceMedia(null, png(dir), null, null));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("invalid_input"));
    assertThat(platform.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void errorsInsideA200AreMiniMaxsOwnCodes() {
    stubSubmit(json(
        "{\"task_id\":\"\",\"base_resp\":{\"status_code\":1002,\"status_msg\":\"rate limit\"}}"));
    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("rate_limited");
          assertThat(failure.isTransient()).isTrue();
          assertThat(failure.isOutcomeUnknown()).isFalse();
        });

    stubSubmit(
        json(
            "{\"task_id\":\"\",\"base_resp\":{\"status_code\":1008,\"status_msg\":\"insufficient balance\"}}"));
    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("provider_unavailable"));

    stubSubmit(
        json(
            "{\"task_id\":\"\",\"base_resp\":{\"status_code\":1026,\"status_msg\":\"input sensitive\"}}"));
    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("moderation_blocked"));
  }

  @Test
  void aSuccessWithoutBaseRespIsMalformedAndMayHaveMadeAJob() {
    stubSubmit(json("{\"task_id\":\"" + TASK + "\"}"));

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("provider_error");
          assertThat(failure.isOutcomeUnknown()).isTrue();
        });
  }

  @Test
  void deletesTheFileAfterwardsButCannotCancel() {
    stubStatus(succeeded());
    platform.stubFor(
        post("/v1/files/delete").willReturn(json("{\"file_id\":" + FILE + "," + OK + "}")));
    var adapter = adapter(baseUrl());

    assertThat(adapter.deleteRemote(expectedJob())).isTrue();
    assertThat(adapter.cancel(expectedJob())).isFalse();
    platform.verify(postRequestedFor(urlEqualTo("/v1/files/delete"))
        .withRequestBody(
            equalToJson("{\"file_id\":" + FILE + ",\"purpose\":\"video_generation\"}")));
  }

  @Test
  void aLostSubmissionCannotBeLookedUp() {
    var lookup = adapter(baseUrl()).lookUp("kinora-attempt", Instant.now());

    assertThat(lookup.job()).isEmpty();
    assertThat(lookup.isAbsent()).isFalse();
  }
}
