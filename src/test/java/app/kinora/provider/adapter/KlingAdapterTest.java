package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.provider.spi.WebhookVerifier;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Kling's video tasks, answered as its API reference (app.klingai.com/global/dev) shows them. */
class KlingAdapterTest extends AdapterContract {

  static final Instant NOW = Instant.parse("2026-12-04T18:00:00Z");
  static final String ACCESS = "AKtest0123456789";
  static final String SECRET = "SKtest0123456789abcdefghijklmnopqrstuv";
  static final String TASK = "CjMkVGZnuHsAAAAAAJi0yQ";
  static final String CALLBACK = "https://kinora.example/providers/webhooks/kling";

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return kling(baseUrl, null, timeouts);
  }

  static KlingAdapter kling(String baseUrl, String callback, HttpTimeouts timeouts) {
    return new KlingAdapter(
        new ProviderInfo("Kling AI", "SG"),
        baseUrl,
        ACCESS,
        SECRET,
        callback,
        timeouts,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    try {
      return ProviderSpecs.of(
          "kling-v2-5-turbo",
          "A paper boat on a river",
          Duration.ofSeconds(5),
          new VideoSize(1920, 1080),
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
    platform.stubFor(post("/v1/videos/image2video").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    return json(task("submitted", ""));
  }

  static String task(String status, String more) {
    return """
        {"code":0,"message":"SUCCEED","request_id":"req-1",
         "data":{"task_id":"%s","task_status":"%s","task_info":{},
                 "created_at":1733335200000,"updated_at":1733335200000%s}}""".formatted(TASK, status, more);
  }

  @Override
  RemoteJob expectedJob() {
    return new RemoteJob(TASK, "image2video");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/v1/videos/image2video/" + TASK).willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json(task("processing", ""));
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json(task(
        "succeed",
        ",\"final_unit_deduction\":\"1.5\""
            + ",\"task_result\":{\"videos\":[{\"id\":\"v1\",\"url\":\"%s/kcdn/%s.mp4\",\"duration\":\"5.1\"}]}"
                .formatted(baseUrl(), TASK))));
    platform.stubFor(get("/kcdn/" + TASK + ".mp4")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  /** Kling names no price; {@code final_unit_deduction} is the credits it finally took. */
  @Override
  Optional<ReportedCost> expectedCost() {
    return Optional.of(ReportedCost.units(new BigDecimal("1.5"), "credits"));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json(task("failed", ",\"task_status_msg\":\"Internal error, please retry\""));
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(
        json(task("failed", ",\"task_status_msg\":\"Failure to pass the risk control system\"")));
  }

  @Override
  void stubExpired() {
    stubStatus(json(task(
        "succeed",
        ",\"task_result\":{\"videos\":[{\"id\":\"v1\",\"url\":\"%s/kcdn/gone.mp4\",\"duration\":\"5.1\"}]}"
            .formatted(baseUrl()))));
    platform.stubFor(get("/kcdn/gone.mp4").willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    try {
      return """
          {"model_name":"kling-v2-5-turbo","image":"%s","prompt":"A paper boat on a river",
           "mode":"pro","duration":"5"}""".formatted(base64(dir.resolve("first.png")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void signsAThirtyMinuteHs256TokenWithTheSecretKeyIssuedByTheAccessKey() throws Exception {
    stubSubmit(accepted());

    adapter(baseUrl()).submit(request());

    var header = platform
        .findAll(postRequestedFor(urlEqualTo("/v1/videos/image2video")))
        .getFirst()
        .getHeader("Authorization");
    assertThat(header).startsWith("Bearer ");
    var jwt = SignedJWT.parse(header.substring("Bearer ".length()));
    assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8))))
        .isTrue();
    assertThat(jwt.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(jwt.getJWTClaimsSet().getIssuer()).isEqualTo(ACCESS);
    assertThat(jwt.getJWTClaimsSet().getExpirationTime().toInstant())
        .isEqualTo(NOW.plus(Duration.ofMinutes(30)));
    assertThat(jwt.getJWTClaimsSet().getNotBeforeTime().toInstant()).isEqualTo(NOW.minusSeconds(5));
  }

  @Test
  void aPromptGoesToTextToVideoWithItsShapeSoundAndTheSealedExternalId() {
    platform.stubFor(post("/v1/videos/text2video").willReturn(accepted()));
    var request = ProviderSpecs.of(
        "kling-v2-6",
        "A lighthouse at night",
        Duration.ofSeconds(10),
        new VideoSize(1080, 1920),
        1,
        24,
        true,
        false,
        ReferenceMedia.NONE,
        "fog");

    var job = kling(baseUrl(), CALLBACK, TIMEOUTS).submit(request, "kinora-attempt-1");

    assertThat(job).isEqualTo(new RemoteJob(TASK, "text2video"));
    platform.verify(postRequestedFor(urlEqualTo("/v1/videos/text2video"))
        .withRequestBody(equalToJson(
            """
            {"model_name":"kling-v2-6","prompt":"A lighthouse at night","negative_prompt":"fog",
             "mode":"pro","duration":"10","aspect_ratio":"9:16","sound":"on",
             "external_task_id":"%s","callback_url":"%s"}""".formatted(new ReferenceSeal(SECRET).seal("kinora-attempt-1"), CALLBACK))));
  }

  @Test
  void sendsTheLastFrameAsImageTail() throws IOException {
    stubSubmit(accepted());
    var first = png(dir);
    var last = Files.copy(first, dir.resolve("last.png"));
    var request = ProviderSpecs.of(
        "kling-v2-5-turbo",
        "A door opens",
        Duration.ofSeconds(5),
        new VideoSize(1920, 1080),
        1,
        24,
        false,
        false,
        new ReferenceMedia(first, last, null, null));

    adapter(baseUrl()).submit(request);

    platform.verify(postRequestedFor(urlEqualTo("/v1/videos/image2video"))
        .withRequestBody(equalToJson("""
            {"model_name":"kling-v2-5-turbo","image":"%s","image_tail":"%s","prompt":"A door opens",
             "mode":"pro","duration":"5"}""".formatted(base64(first), base64(last)))));
  }

  /** Kling keeps the external id on the task: the contract's lost submission is found by it. */
  @Override
  app.kinora.provider.spi.Lookup stubLookUp(String reference) {
    var external = new ReferenceSeal(SECRET).seal(reference);
    platform.stubFor(
        get("/v1/videos/image2video/" + external).willReturn(json(task("processing", ""))));
    platform.stubFor(get("/v1/videos/text2video/" + external)
        .willReturn(aResponse()
            .withStatus(404)
            .withBody("{\"code\":1203,\"message\":\"task not found\",\"request_id\":\"r\"}")));
    return app.kinora.provider.spi.Lookup.found(new RemoteJob(TASK, "image2video"));
  }

  @Test
  void findsALostSubmissionByItsExternalId() {
    var external = new ReferenceSeal(SECRET).seal("kinora-attempt-1");
    platform.stubFor(get("/v1/videos/image2video/" + external)
        .willReturn(aResponse()
            .withStatus(404)
            .withBody("{\"code\":1203,\"message\":\"task not found\",\"request_id\":\"r\"}")));
    platform.stubFor(
        get("/v1/videos/text2video/" + external).willReturn(json(task("processing", ""))));

    var lookup = adapter(baseUrl()).lookUp("kinora-attempt-1", NOW);

    assertThat(lookup.job()).contains(new RemoteJob(TASK, "text2video"));
  }

  @Test
  void aSubmissionKlingHasNoTaskForIsAbsent() {
    var external = new ReferenceSeal(SECRET).seal("kinora-attempt-1");
    for (var kind : new String[] {"image2video", "text2video"}) {
      platform.stubFor(get("/v1/videos/" + kind + "/" + external)
          .willReturn(aResponse()
              .withStatus(404)
              .withBody("{\"code\":1203,\"message\":\"task not found\",\"request_id\":\"r\"}")));
    }

    assertThat(adapter(baseUrl()).lookUp("kinora-attempt-1", NOW).isAbsent()).isTrue();
  }

  @Test
  void aLookUpThatFailsOtherwiseIsNoAnswer() {
    platform.stubFor(
        get(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/v1/videos/.*"))
            .willReturn(aResponse().withStatus(500).withBody("{\"code\":5000}")));

    assertThatThrownBy(() -> adapter(baseUrl()).lookUp("kinora-attempt-1", NOW))
        .isInstanceOf(ProviderFailure.class);
  }

  @Test
  void mapsKlingsOwnCodes() {
    stubSubmit(aResponse()
        .withStatus(400)
        .withBody("{\"code\":1301,\"message\":\"content security policy triggered\"}"));
    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(
            ProviderFailure.class,
            failure -> assertThat(failure.code()).isEqualTo("moderation_blocked"));

    stubSubmit(aResponse()
        .withStatus(429)
        .withBody("{\"code\":1102,\"message\":\"resource pack exhausted\"}"));
    assertThatThrownBy(() -> adapter(baseUrl()).submit(request()))
        .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
          assertThat(failure.code()).isEqualTo("provider_unavailable");
          assertThat(failure.isTransient()).isFalse();
        });
  }

  @Test
  void acceptsOnlyCallbacksNamingASealedExternalId() {
    var adapter = kling(baseUrl(), CALLBACK, TIMEOUTS);
    var sealed = new ReferenceSeal(SECRET).seal("kinora-attempt-1");
    var genuine = """
        {"task_id":"%s","task_status":"succeed","task_info":{"external_task_id":"%s"},
         "task_result":{"videos":[{"id":"v1","url":"https://cdn.example/v.mp4","duration":"5"}]}}""".formatted(TASK, sealed);
    var forged = genuine.replace(sealed, "kinora-attempt-1.ffffffffffffffff");

    assertThat(adapter.verifiedJobId(new HttpHeaders(), genuine.getBytes(StandardCharsets.UTF_8)))
        .contains(TASK);
    assertThatThrownBy(
            () -> adapter.verifiedJobId(new HttpHeaders(), forged.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
    assertThatThrownBy(() -> ((KlingAdapter) adapter(baseUrl()))
            .verifiedJobId(new HttpHeaders(), genuine.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(WebhookVerifier.InvalidSignature.class);
  }

  @Test
  void hasNoCancelOrDeleteCall() {
    var adapter = adapter(baseUrl());

    assertThat(adapter.cancel(expectedJob())).isFalse();
    assertThat(adapter.deleteRemote(expectedJob())).isFalse();
  }

  @Test
  void refusesASecretKeyTooShortForHs256() {
    assertThatThrownBy(() -> new KlingAdapter(
            new ProviderInfo("Kling AI", "SG"),
            baseUrl(),
            ACCESS,
            "short",
            null,
            TIMEOUTS,
            Clock.systemUTC()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret-key");
  }
}
