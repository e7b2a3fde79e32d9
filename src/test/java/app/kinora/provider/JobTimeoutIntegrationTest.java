package app.kinora.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.provider.adapter.HttpTimeouts;
import app.kinora.provider.adapter.ReplicateAdapter;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A job that outlives {@code job-timeout} is cancelled on the platform (which would otherwise go
 * on and bill it), and the attempt ends with {@code timeout}.
 */
class JobTimeoutIntegrationTest extends IntegrationTest {

  @RegisterExtension
  static WireMockExtension replicate =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Autowired
  TransferLog transfers;

  @TempDir
  Path dir;

  @Test
  void aJobPastItsTimeoutIsCancelledOnThePlatform() {
    replicate.stubFor(post("/v1/models/google/veo-3-fast/predictions")
        .willReturn(okJson("{\"id\":\"pred-slow\",\"status\":\"starting\"}").withStatus(201)));
    replicate.stubFor(get("/v1/predictions/pred-slow")
        .willReturn(okJson("{\"id\":\"pred-slow\",\"status\":\"processing\"}")));
    replicate.stubFor(post("/v1/predictions/pred-slow/cancel")
        .willReturn(okJson("{\"id\":\"pred-slow\",\"status\":\"canceled\"}")));
    var properties = new Binder(new MapConfigurationPropertySource(Map.of(
            "kinora.provider.job-timeout", "1s",
            "kinora.provider.poll-initial", "50ms",
            "kinora.provider.poll-max", "100ms",
            "kinora.provider.retry-wait", "10ms")))
        .bind("kinora.provider", ProviderProperties.class)
        .get();
    var adapter = new ReplicateAdapter(
        new ProviderInfo("Replicate", "US"),
        replicate.baseUrl() + "/v1",
        "r8_test",
        null,
        null,
        new HttpTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(15)),
        Clock.systemUTC());
    var route = new Route(adapter, adapter.models().getFirst());
    var request = ProviderSpecs.of(
        "google/veo-3-fast",
        "A glacier calving",
        Duration.ofSeconds(8),
        new VideoSize(1280, 720),
        7,
        24,
        false,
        false,
        ReferenceMedia.NONE);
    var transfer = transfers.sending(
        new GenerationTicket(UUID.randomUUID(), UserId.random()),
        route,
        request,
        List.of("prompt"),
        List.of());
    ProgressListener progress = fraction -> {};

    assertThatThrownBy(
            () -> new RemoteRun(route, transfer, transfers, new Resilience(properties), properties)
                .submitAndFollow(request, progress, dir.resolve("never.mp4")))
        .isInstanceOfSatisfying(
            ProviderFailure.class, failure -> assertThat(failure.code()).isEqualTo("timeout"));
    replicate.verify(1, postRequestedFor(urlEqualTo("/v1/predictions/pred-slow/cancel")));
  }
}
