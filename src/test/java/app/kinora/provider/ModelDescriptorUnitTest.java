package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.VideoSize;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a model can do, and the refusals derived from it. */
class ModelDescriptorUnitTest {

  static final ModelDescriptor VEO = ModelDescriptor.ofDurations(
      "veo",
      "Veo",
      "Veo.",
      List.of(8, 4, 6),
      List.of(new VideoSize(1280, 720)),
      List.of(24),
      Set.of(Capability.FIRST_FRAME),
      0,
      new BigDecimal("0.40"));

  @Test
  void offersOnlyItsDurationsAndSaysWhichWhenRefusing() {
    assertThat(VEO.secondsOffered()).containsExactly(4, 6, 8);
    assertThat(VEO.secondsRefusal(6)).isEmpty();
    assertThat(VEO.secondsRefusal(5)).contains("veo makes videos of 4, 6 or 8 seconds, not 5.");
  }

  @Test
  void refusesRequestsWhoseReferencesItCannotUse() {
    var withAudio = ProviderSpecs.of(
        "veo",
        "x",
        Duration.ofSeconds(4),
        new VideoSize(1280, 720),
        1,
        30,
        true,
        false,
        new ReferenceMedia(null, null, Path.of("a.wav"), null));
    var withPicture = ProviderSpecs.of(
        "veo",
        "x",
        Duration.ofSeconds(4),
        new VideoSize(1280, 720),
        1,
        30,
        true,
        false,
        new ReferenceMedia(Path.of("a.png"), null, null, null));

    assertThat(VEO.refusal(withAudio)).contains("veo cannot use these references.");
    assertThat(VEO.refusal(withPicture)).isEmpty();
  }

  @Test
  void anAliasKeepsTheAbilitiesUnderItsOwnName() {
    var alias = VEO.as("veo-fast", "Veo Fast", "Fast.");

    assertThat(alias.id()).isEqualTo("veo-fast");
    assertThat(alias.secondsOffered()).isEqualTo(VEO.secondsOffered());
    assertThat(alias.pricePerSecond()).isEqualByComparingTo("0.40");
  }

  @Test
  void refusesAnIncompleteDescriptor() {
    assertThatThrownBy(() -> ModelDescriptor.ofDurations(
            "x", "x", "x", List.of(4), List.of(), List.of(24), Set.of(), 0, BigDecimal.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModelDescriptor.ofDurations(
            "x",
            "x",
            "x",
            List.of(4),
            List.of(new VideoSize(640, 480)),
            List.of(24),
            Set.of(),
            0,
            new BigDecimal("-1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
