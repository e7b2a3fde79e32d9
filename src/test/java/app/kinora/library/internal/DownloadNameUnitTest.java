package app.kinora.library.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DownloadNameUnitTest {

  private static LibraryItem video(String model, String prompt) {
    return new LibraryItem(
        UUID.randomUUID(),
        UUID.randomUUID(),
        LibraryItem.Source.OUTPUT,
        LibraryItem.Kind.VIDEO,
        LibraryItem.Status.COMPLETED,
        model,
        prompt,
        4,
        1280,
        720,
        Duration.ofSeconds(4),
        1000,
        Instant.parse("2026-11-29T10:00:00Z"),
        false);
  }

  @Test
  void aVideoATrainedModelMadeSaysSoInItsName() {
    assertThat(DownloadName.of(video("veo-3", "Snowy peaks at sunrise"), "mp4", true))
        .isEqualTo("snowy-peaks-at-sunrise-2026-11-29-ai-generated.mp4");
    assertThat(DownloadName.of(video("kinora-local", "Snowy peaks at sunrise"), "mp4", false))
        .isEqualTo("snowy-peaks-at-sunrise-2026-11-29.mp4");
  }
}
