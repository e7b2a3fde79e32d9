package app.kinora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.generation.GenerationId;
import app.kinora.shared.VideoSize;
import app.kinora.shared.WebPaths;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class SharedValuesUnitTest {

  @Test
  void parsesAndPrintsSizesInTheOpenAiNotation() {
    assertThat(VideoSize.parse("1280x720")).isEqualTo(new VideoSize(1280, 720));
    assertThat(VideoSize.parse(" 720x1280 ").isPortrait()).isTrue();
    assertThat(new VideoSize(1920, 1080)).hasToString("1920x1080");
  }

  @Test
  void refusesMalformedOddOrAbsurdSizes() {
    assertThatThrownBy(() -> VideoSize.parse("1280*720")).hasMessageContaining("1280x720");
    assertThatThrownBy(() -> VideoSize.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> VideoSize.parse("1281x720")).hasMessageContaining("even");
    assertThatThrownBy(() -> VideoSize.parse("99999x720"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void generationIdsRoundTripThroughTheirApiForm() {
    var id = new GenerationId(UUID.fromString("8ae35b0d-3cf1-441a-a458-83f97be2cdf2"));

    assertThat(id.apiId()).isEqualTo("video_8ae35b0d3cf1441aa45883f97be2cdf2");
    assertThat(GenerationId.fromApiId(id.apiId())).isEqualTo(id);
    assertThatThrownBy(() -> GenerationId.fromApiId("video_123"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GenerationId.fromApiId("video_zz35b0d3cf1441aa45883f97be2cdf2"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void webPathsAreAbsolute() {
    var studio =
        new WebPaths(List.of("/"), List.of(new WebPaths.Endpoint(HttpMethod.POST, "/generations")));

    assertThat(studio.generationRequests())
        .containsExactly(new WebPaths.Endpoint(HttpMethod.POST, "/generations"));
    assertThatThrownBy(() -> new WebPaths(List.of("privacy/**"), List.of()))
        .hasMessageContaining("privacy/**");
    assertThatThrownBy(() -> new WebPaths.Endpoint(HttpMethod.POST, "v1/videos"))
        .hasMessageContaining("v1/videos");
  }
}
