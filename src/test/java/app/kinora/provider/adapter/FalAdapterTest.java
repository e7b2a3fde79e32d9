package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.ReportedCost;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** fal.ai's queue: submit to the endpoint, status and result under the app, cancel. */
class FalAdapterTest extends AdapterContract {

  @Override
  HttpAdapter adapter(String baseUrl, HttpTimeouts timeouts) {
    return new FalAdapter(
        new ProviderInfo("fal.ai", "US"), baseUrl, baseUrl + "/platform/v1", "fal-key", timeouts);
  }

  /**
   * fal's platform API lists the requests on an endpoint since a time, a page at a time: the one
   * whose input is this request's is the lost submission's; another seed is someone else's.
   */
  @Override
  app.kinora.provider.spi.Lookup stubLookUp(String reference) {
    var listing = com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
        "/platform/v1/models/requests/by-endpoint");
    var input = """
        {"prompt":"Waves at dusk","duration":"8s","aspect_ratio":"16:9","resolution":"720p",
         "generate_audio":true,"seed":%d,"negative_prompt":"blurry, text"}""";
    platform.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(listing)
        .withQueryParam(
            "endpoint_id",
            com.github.tomakehurst.wiremock.client.WireMock.equalTo("fal-ai/veo3/fast"))
        .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.absent())
        .withHeader(
            "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Key fal-key"))
        .willReturn(json("""
            {"items":[{"request_id":"req-other","endpoint_id":"fal-ai/veo3/fast","json_input":%s}],
             "next_cursor":"Mg==","has_more":true}""".formatted(input.formatted(7)))));
    platform.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(listing)
        .withQueryParam("cursor", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Mg=="))
        .willReturn(json("""
            {"items":[{"request_id":"req-1","endpoint_id":"fal-ai/veo3/fast","json_input":%s}],
             "next_cursor":null,"has_more":false}""".formatted(input.formatted(42)))));
    return app.kinora.provider.spi.Lookup.found(new RemoteJob("req-1", "fal-ai/veo3"));
  }

  @Test
  void aSubmissionFalNeverListedIsSurelyAbsent() {
    platform.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo(
                "/platform/v1/models/requests/by-endpoint"))
        .willReturn(json("{\"items\":[],\"next_cursor\":null,\"has_more\":false}")));

    assertThat(adapter(baseUrl()).lookUp(request(), "kinora-lost", java.time.Instant.now()))
        .isEqualTo(app.kinora.provider.spi.Lookup.absent());
  }

  @Override
  VideoSpec<ReferenceMedia> request() {
    return ProviderSpecs.of(
        "fal-ai/veo3/fast",
        "Waves at dusk",
        Duration.ofSeconds(8),
        new VideoSize(1280, 720),
        42,
        24,
        true,
        false,
        ReferenceMedia.NONE,
        "blurry, text");
  }

  @Override
  void stubSubmit(ResponseDefinitionBuilder answer) {
    platform.stubFor(post("/fal-ai/veo3/fast").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder accepted() {
    var base = baseUrl() + "/fal-ai/veo3/requests/req-1";
    return json("""
        {"request_id":"req-1","response_url":"%s","status_url":"%s/status","cancel_url":"%s/cancel","queue_position":0}""".formatted(base, base, base));
  }

  @Override
  RemoteJob expectedJob() {
    return new RemoteJob("req-1", "fal-ai/veo3");
  }

  @Override
  void stubStatus(ResponseDefinitionBuilder answer) {
    platform.stubFor(get("/fal-ai/veo3/requests/req-1/status").willReturn(answer));
  }

  @Override
  ResponseDefinitionBuilder running() {
    return json("""
        {"status":"IN_PROGRESS","request_id":"req-1","response_url":"x","logs":[]}""");
  }

  @Override
  OptionalDouble expectedProgress() {
    return OptionalDouble.empty();
  }

  @Override
  void stubCompleted(byte[] video) {
    stubStatus(json("""
        {"status":"COMPLETED","request_id":"req-1"}"""));
    platform.stubFor(get("/fal-ai/veo3/requests/req-1")
        .willReturn(json("""
            {"video":{"url":"%s/files/req-1.mp4","content_type":"video/mp4"}}""".formatted(baseUrl())).withHeader("X-Fal-Billable-Units", "8")));
    platform.stubFor(get("/files/req-1.mp4")
        .willReturn(aResponse().withHeader("Content-Type", "video/mp4").withBody(video)));
  }

  /** fal names no price; its result's header gives the quantity billed, in the endpoint's unit. */
  @Override
  Optional<ReportedCost> expectedCost() {
    return Optional.of(ReportedCost.units(new BigDecimal("8"), "billable units"));
  }

  @Override
  ResponseDefinitionBuilder failed() {
    return json("""
        {"status":"COMPLETED","request_id":"req-1","error":"Runner exited unexpectedly","error_type":"runner_error"}""");
  }

  @Override
  Optional<ResponseDefinitionBuilder> moderated() {
    return Optional.of(json("""
        {"status":"COMPLETED","request_id":"req-1","error":"Output blocked","error_type":"content_policy_violation"}"""));
  }

  @Override
  void stubExpired() {
    stubCompleted(new byte[0]);
    platform.stubFor(get("/files/req-1.mp4").willReturn(aResponse().withStatus(404)));
  }

  @Override
  String expectedPayload() {
    return """
        {"prompt":"Waves at dusk","duration":"8s","aspect_ratio":"16:9","resolution":"720p","generate_audio":true,
         "seed":42,"negative_prompt":"blurry, text"}""";
  }

  @Test
  void cancelsAQueuedRequest() {
    platform.stubFor(put("/fal-ai/veo3/requests/req-1/cancel")
        .willReturn(json("{\"status\":\"CANCELLATION_REQUESTED\"}")));

    assertThat(adapter(baseUrl()).cancel(expectedJob())).isTrue();
    platform.verify(putRequestedFor(urlEqualTo("/fal-ai/veo3/requests/req-1/cancel")));
  }
}
