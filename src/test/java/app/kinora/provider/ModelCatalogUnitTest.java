package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.adapter.FalAdapter;
import app.kinora.provider.adapter.HttpTimeouts;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.LocalVideoProvider;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.VideoProvider;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which models users are offered, from the local renderer and the configured aliases. */
class ModelCatalogUnitTest {

  static final LocalVideoProvider LOCAL = new LocalVideoProvider() {
    @Override
    public String id() {
      return "local";
    }

    @Override
    public List<ModelDescriptor> models() {
      return List.of(new ModelDescriptor(
          "kinora-local",
          "Local",
          "Local.",
          2,
          20,
          List.of(new VideoSize(1280, 720)),
          List.of(30),
          Set.of(Capability.SEED)));
    }

    @Override
    public void generate(
        VideoSpec<ReferenceMedia> request,
        app.kinora.provider.spi.ProgressListener progress,
        java.nio.file.Path output) {
      throw new UnsupportedOperationException("not rendered here");
    }
  };

  static final FalAdapter FAL = new FalAdapter(
      new ProviderInfo("fal.ai", "US"),
      "http://127.0.0.1:9",
      "key",
      new HttpTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1)));

  static ModelCatalog catalog(
      Map<String, ProviderProperties.Alias> aliases, VideoProvider... providers) {
    var p = ResilienceUnitTest.properties(1);
    return new ModelCatalog(
        List.of(providers),
        new ProviderProperties(
            p.pollInitial(),
            p.pollMax(),
            p.jobTimeout(),
            p.connectTimeout(),
            p.readTimeout(),
            1,
            p.retryWait(),
            p.maxRetryAfter(),
            p.circuitOpenFor(),
            null,
            aliases,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  @Test
  void offersAnAliasWithItsFirstEnabledRoutesAbilitiesUnderItsOwnName() {
    var catalog = catalog(
        Map.of(
            "veo-fast",
            new ProviderProperties.Alias(
                "Veo Fast",
                null,
                List.of("gemini:veo-3.1-fast-generate-preview", "fal:fal-ai/veo3/fast"))),
        LOCAL,
        FAL);

    var veo = catalog.find("veo-fast").orElseThrow();

    assertThat(catalog.models())
        .extracting(ModelDescriptor::id)
        .containsExactly("kinora-local", "veo-fast");
    assertThat(veo.displayName()).isEqualTo("Veo Fast");
    assertThat(veo.secondsOffered()).containsExactly(4, 6, 8);
    assertThat(veo.can(Capability.NEGATIVE_PROMPT)).isTrue();
    assertThat(catalog.routes("veo-fast"))
        .extracting(Route::toString)
        .containsExactly("fal:fal-ai/veo3/fast");
  }

  @Test
  void reportsARouteToAModelItsPlatformDoesNotOfferAndServesTheAliasFromTheNextRoute() {
    var logger =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(ModelCatalog.class);
    var lines =
        new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    lines.start();
    logger.addAppender(lines);
    try {
      var catalog = catalog(
          Map.of(
              "veo",
              new ProviderProperties.Alias(
                  null, null, List.of("fal:fal-ai/veo2", "fal:fal-ai/veo3/fast"))),
          LOCAL,
          FAL);

      assertThat(catalog.unknownRoutes()).singleElement().satisfies(unknown -> {
        assertThat(unknown.alias()).isEqualTo("veo");
        assertThat(unknown.route()).isEqualTo("fal:fal-ai/veo2");
        assertThat(unknown.platform()).isEqualTo("fal");
        assertThat(unknown.offered()).contains("fal-ai/veo3/fast");
      });
      assertThat(catalog.routes("veo"))
          .extracting(Route::toString)
          .containsExactly("fal:fal-ai/veo3/fast");
      assertThat(catalog.find("veo")).isPresent();
      assertThat(lines.list)
          .filteredOn(event -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
          .extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
          .singleElement()
          .satisfies(line -> assertThat(line)
              .contains(
                  "veo", "fal:fal-ai/veo2", "fal-ai/veo3/fast", "fal-ai/veo3/fast/image-to-video"));
    } finally {
      logger.detachAppender(lines);
    }
  }

  @Test
  void aRouteToAPlatformThatIsNotConfiguredIsNoMistake() {
    var catalog = catalog(
        Map.of(
            "veo",
            new ProviderProperties.Alias(null, null, List.of("vertex:veo-3.1-generate-001"))),
        LOCAL,
        FAL);

    assertThat(catalog.unknownRoutes()).isEmpty();
  }

  @Test
  void hidesAnAliasWithoutAnEnabledRoute() {
    var catalog = catalog(
        Map.of(
            "veo",
            new ProviderProperties.Alias(null, null, List.of("gemini:veo-3.1-generate-preview"))),
        LOCAL,
        FAL);

    assertThat(catalog.find("veo")).isEmpty();
    assertThat(catalog.models()).extracting(ModelDescriptor::id).containsExactly("kinora-local");
  }

  @Test
  void refusesRoutesToUnknownPlatformsAndAliasesHidingLocalModels() {
    assertThatThrownBy(() -> catalog(
            Map.of("x", new ProviderProperties.Alias(null, null, List.of("pika:pika-2.2"))), LOCAL))
        .hasMessageContaining("names no known provider");
    assertThatThrownBy(() -> catalog(
            Map.of("kinora-local", new ProviderProperties.Alias(null, null, List.of())), LOCAL))
        .hasMessageContaining("hides a local model");
  }
}
