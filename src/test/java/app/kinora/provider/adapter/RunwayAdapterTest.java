package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.JobState;
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

/** Runway's tasks, answered as docs.dev.runwayml.com and its generated SDK describe them. */
class RunwayAdapterTest extends AdapterContract {

  static final String TASK = "17f20503-6c24-4c16-946b-35dbbce2af2f";

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new RunwayAdapter(new ProviderInfo("Runway", "US"), baseUrl, "key_test", timeouts);
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "gen4.5",
          "A paper boat on a river",
          Duration.ofSeconds(5),
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
    platform.stubFor(post("/v1/image_to_video").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json("{\"id\":\"" + TASK + "\"}");
  }

  @Override
  RemoteJob expectedJob() {
    return RemoteJob.of(TASK);
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/v1/tasks/" + TASK).willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("""
        {"id":"%s","createdAt":"2026-12-04T18:00:00Z","status":"RUNNING","progress":0.4}""".formatted(TASK));
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.of(0.4);
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"id":"%s","createdAt":"2026-12-04T18:00:00Z","status":"SUCCEEDED",
         "output":["%s/outputs/%s.mp4?_jwt=signed"]}""".formatted(TASK, baseUrl(), TASK)));
    platform.stubFor(get(urlEqualTo("/outputs/" + TASK + ".mp4?_jwt=signed"))
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"id":"%s","createdAt":"2026-12-04T18:00:00Z","status":"FAILED",
         "failure":"An unexpected error occurred.","failureCode":"INTERNAL.BAD_OUTPUT.CODE01"}""".formatted(TASK));
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"id":"%s","createdAt":"2026-12-04T18:00:00Z","status":"FAILED",
         "failure":"The prompt was flagged.","failureCode":"SAFETY.INPUT.TEXT"}""".formatted(TASK)));
  }

  /** Output links expire after 24 to 48 hours. */
  @Override
  void stubExpired() {
    stubStatus(json("""
        {"id":"%s","createdAt":"2026-12-01T18:00:00Z","status":"SUCCEEDED",
         "output":["%s/outputs/gone.mp4"]}""".formatted(TASK, baseUrl())));
    platform.stubFor(get("/outputs/gone.mp4").willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"model":"gen4.5","promptText":"A paper boat on a river","ratio":"1280:720","duration":5,
           "seed":42,"promptImage":"data:image/png;base64,%s"}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void authorisesWithTheKeyAndNamesTheApiVersion() {
    stubSubmit(accepted());

    adapter(baseUrl()).submit(request());

    platform.verify(postRequestedFor(urlEqualTo("/v1/image_to_video"))
        .withHeader("Authorization", equalTo("Bearer key_test"))
        .withHeader("X-Runway-Version", equalTo("2024-11-06")));
  }

  @Test
  void aPromptAloneGoesToTextToVideo() {
    platform.stubFor(post("/v1/text_to_video").willReturn(accepted()));

    var job = adapter(baseUrl())
        .submit(ProviderSpecs.textOnly(
            "gen4.5", "A lighthouse at night", Duration.ofSeconds(3), new VideoSize(720, 1280), 9));

    assertThat(job).isEqualTo(expectedJob());
    platform.verify(
        postRequestedFor(urlEqualTo("/v1/text_to_video")).withRequestBody(equalToJson("""
            {"model":"gen4.5","promptText":"A lighthouse at night","ratio":"720:1280",
             "duration":3,"seed":9}""")));
  }

  @Test
  void veoTakesFirstAndLastFramesAsPositionedImagesWithSoundAndANegativePrompt()
      throws IOException {
    stubSubmit(accepted());
    var first = png(dir);
    var last = Files.copy(first, dir.resolve("last.png"));
    var request = ProviderSpecs.of(
        "veo3.1_fast",
        "A door opens",
        Duration.ofSeconds(6),
        new VideoSize(1920, 1080),
        1,
        24,
        true,
        false,
        new ReferenceMedia(first, last, null, null),
        "people");

    adapter(baseUrl()).submit(request);

    var image = "data:image/png;base64," + base64(first);
    platform.verify(postRequestedFor(urlEqualTo("/v1/image_to_video"))
        .withRequestBody(equalToJson("""
            {"model":"veo3.1_fast","promptText":"A door opens","ratio":"1920:1080","duration":6,
             "audio":true,"negativePrompt":"people",
             "promptImage":[{"uri":"%s","position":"first"},{"uri":"%s","position":"last"}]}""".formatted(image, image))));
  }

  @Test
  void gen4TurboWithoutAPictureIsRefusedBeforeAnythingIsSent() {
    var request = ProviderSpecs.textOnly(
        "gen4_turbo", "A cat", Duration.ofSeconds(5), new VideoSize(1280, 720), 1);

    assertThatThrownBy(() -> adapter(baseUrl()).submit(request))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("invalid_input"));
    assertThat(platform.findAll(postRequestedFor(anyUrl()))).isEmpty();
  }

  @Test
  void throttledIsQueuedAndCancelledEndsTheJob() {
    stubStatus(json("{\"id\":\"" + TASK + "\",\"status\":\"THROTTLED\"}"));
    assertThat(adapter(baseUrl()).status(expectedJob()).state()).isEqualTo(JobState.QUEUED);

    stubStatus(json("{\"id\":\"" + TASK + "\",\"status\":\"CANCELLED\"}"));
    var status = adapter(baseUrl()).status(expectedJob());
    assertThat(status.state()).isEqualTo(JobState.CANCELLED);
    assertThat(status.failure().code()).isEqualTo("cancelled");
  }

  @Test
  void cancelsAndDeletesWithTheTaskDeleteCall() {
    platform.stubFor(delete("/v1/tasks/" + TASK).willReturn(aResponse().withStatus(204)));
    var adapter = adapter(baseUrl());

    assertThat(adapter.cancel(expectedJob())).isTrue();
    assertThat(adapter.deleteRemote(expectedJob())).isTrue();

    platform.verify(
        2,
        deleteRequestedFor(urlEqualTo("/v1/tasks/" + TASK))
            .withHeader("X-Runway-Version", equalTo("2024-11-06")));
  }

  @Test
  void aLostSubmissionCannotBeLookedUp() {
    assertThat(adapter(baseUrl()).lookUp("kinora-attempt", Instant.now()).job()).isEmpty();
    assertThat(adapter(baseUrl()).lookUp("kinora-attempt", Instant.now()).isAbsent())
        .isFalse();
  }
}
