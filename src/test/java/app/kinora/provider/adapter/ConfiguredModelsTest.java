package app.kinora.provider.adapter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.ProviderProperties.PlatformModel;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.shared.VideoSize;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code kinora.provider.<platform>.models}: entries laid over an adapter's own list, which the
 * adapter then submits with.
 */
class ConfiguredModelsTest {

  @RegisterExtension
  static WireMockExtension fal =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  FalAdapter adapter() {
    return new FalAdapter(
        new ProviderInfo("fal.ai", "US"), fal.baseUrl(), "fal-key", AdapterContract.TIMEOUTS);
  }

  static PlatformModel entry(
      String id,
      List<Integer> durations,
      List<String> sizes,
      Set<Capability> capabilities,
      BigDecimal price) {
    return new PlatformModel(
        id, null, null, durations, null, null, sizes, null, capabilities, null, price);
  }

  @Test
  void anEntryForAListedModelChangesOnlyWhatItSets() {
    var adapter = adapter();
    adapter.configureModels(
        List.of(entry("fal-ai/veo3/fast", null, null, null, new BigDecimal("0.25"))));

    var veo = find(adapter, "fal-ai/veo3/fast");

    assertThat(veo.pricePerSecond()).isEqualByComparingTo("0.25");
    assertThat(veo.displayName()).isEqualTo("Veo 3 Fast");
    assertThat(veo.secondsOffered()).containsExactly(4, 6, 8);
    assertThat(veo.can(Capability.SEED)).isTrue();
    assertThat(adapter.models()).hasSize(3);
  }

  @Test
  void theAdapterSubmitsWithTheConfiguredAbilities() {
    var adapter = adapter();
    // the operator learnt that this endpoint takes no seed: it must no longer be sent
    adapter.configureModels(List.of(entry(
        "fal-ai/veo3/fast",
        null,
        null,
        Set.of(Capability.AUDIO_GENERATION, Capability.NEGATIVE_PROMPT),
        null)));
    fal.stubFor(post("/fal-ai/veo3/fast").willReturn(okJson("{\"request_id\":\"r1\"}")));

    adapter.submit(ProviderSpecs.textOnly(
        "fal-ai/veo3/fast", "Waves", Duration.ofSeconds(4), new VideoSize(1280, 720), 9));

    fal.verify(
        postRequestedFor(urlPathEqualTo("/fal-ai/veo3/fast")).withRequestBody(equalToJson("""
            {"prompt":"Waves","duration":"4s","aspect_ratio":"16:9","resolution":"720p",
             "generate_audio":true}""")));
  }

  @Test
  void anEntryWithANewIdAddsAModelTheAdapterServes() {
    var adapter = adapter();
    adapter.configureModels(List.of(new PlatformModel(
        "fal-ai/ltx-2/text-to-video",
        "LTX 2",
        null,
        null,
        2,
        10,
        List.of("1920x1080"),
        List.of(25, 50),
        Set.of(Capability.SEED),
        null,
        new BigDecimal("0.06"))));
    fal.stubFor(post("/fal-ai/ltx-2/text-to-video").willReturn(okJson("{\"request_id\":\"r2\"}")));

    var ltx = find(adapter, "fal-ai/ltx-2/text-to-video");
    var job = adapter.submit(ProviderSpecs.textOnly(
        "fal-ai/ltx-2/text-to-video", "Snow", Duration.ofSeconds(7), new VideoSize(1920, 1080), 3));

    assertThat(ltx.secondsOffered()).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThat(ltx.framesPerSecond()).containsExactly(25, 50);
    assertThat(ltx.description()).isEqualTo("LTX 2 (fal).");
    assertThat(ltx.maxReferenceImages()).isZero();
    assertThat(adapter.models().getLast()).isEqualTo(ltx);
    assertThat(job.id()).isEqualTo("r2");
  }

  @Test
  void aModelThePlatformDoesNotListIsRefusedAsInvalidInput() {
    assertThatThrownBy(() -> adapter()
            .submit(ProviderSpecs.textOnly(
                "fal-ai/veo2", "Waves", Duration.ofSeconds(4), new VideoSize(1280, 720), 9)))
        .isInstanceOfSatisfying(
            ProviderFailure.class, f -> assertThat(f.code()).isEqualTo("invalid_input"));
    fal.verify(0, postRequestedFor(urlPathEqualTo("/fal-ai/veo2")));
  }

  @Test
  void aNewModelMustSayItsDurationsSizesAndPrice() {
    assertThatThrownBy(() -> adapter()
            .configureModels(List.of(
                entry("fal-ai/new-model", List.of(5), List.of("1280x720"), Set.of(), null))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("kinora.provider.fal.models[0] (fal-ai/new-model): fal does not list this"
            + " model, so set its durations (or min-seconds and max-seconds), sizes and"
            + " price-per-second");
  }

  @Test
  void mistakesAreToldByTheirPropertyAtStart() {
    assertThatThrownBy(() -> adapter()
            .configureModels(List.of(
                entry("fal-ai/veo3/fast", null, null, null, null),
                entry("fal-ai/x", List.of(5), List.of("wide"), Set.of(), BigDecimal.ONE))))
        .hasMessage("kinora.provider.fal.models[1] (fal-ai/x) is not a usable model: size must"
            + " look like 1280x720, got 'wide'");
    assertThatThrownBy(() -> adapter()
            .configureModels(List.of(new PlatformModel(
                "fal-ai/veo3/fast", null, null, List.of(4), 2, 8, null, null, null, null, null))))
        .hasMessage("kinora.provider.fal.models[0]: set either durations or min-seconds and"
            + " max-seconds, not both");
    assertThatThrownBy(() -> adapter()
            .configureModels(List.of(new PlatformModel(
                "fal-ai/veo3/fast", null, null, null, 9, null, null, null, null, null, null))))
        .hasMessageStartingWith(
            "kinora.provider.fal.models[0] (fal-ai/veo3/fast) is not a usable model: check");
  }

  @Test
  void aFetchedListGetsTheOperatorsCorrectionsToo() {
    fal.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/videos/models")
        .willReturn(okJson("""
            {"data":[{"id":"google/veo-3.1","name":"Veo 3.1","supported_durations":[4,6,8],
              "supported_resolutions":["720p"],"supported_aspect_ratios":["16:9"],
              "pricing_skus":{"per-video-second":"0.40"}}]}""")));
    var openRouter = new OpenRouterAdapter(
        new ProviderInfo("OpenRouter", "US"),
        fal.baseUrl(),
        "or-key",
        null,
        null,
        AdapterContract.TIMEOUTS,
        java.time.Clock.systemUTC());
    openRouter.configureModels(
        List.of(entry("google/veo-3.1", null, null, null, new BigDecimal("0.35"))));

    var fetched = openRouter.refreshModels();

    assertThat(fetched).singleElement().satisfies(veo -> {
      assertThat(veo.pricePerSecond()).isEqualByComparingTo("0.35");
      assertThat(veo.sizes()).containsExactly(new VideoSize(1280, 720));
    });
  }

  private static ModelDescriptor find(HttpAdapter adapter, String id) {
    return adapter.models().stream()
        .filter(model -> model.id().equals(id))
        .findFirst()
        .orElseThrow();
  }
}
