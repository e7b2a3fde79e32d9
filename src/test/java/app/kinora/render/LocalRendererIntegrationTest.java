package app.kinora.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderRequest;
import app.kinora.shared.VideoSize;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRendererIntegrationTest {

  /** These tests use no reference clip; the decoder is exercised through the API tests. */
  static final app.kinora.media.VideoFrames NO_VIDEO_DECODER = (video, size, fps, duration) -> {
    throw new AssertionError("no reference clip expected");
  };

  private final LocalRenderer renderer = new LocalRenderer(NO_VIDEO_DECODER);

  @TempDir Path dir;

  @Test
  void rendersH264AndAacOfExactlyTheRequestedDurationAndSize() throws Exception {
    var output = render("Stars over a desert", 2, new VideoSize(720, 1280), 7);

    try (var grabber = new FFmpegFrameGrabber(output.toFile())) {
      grabber.start();
      assertThat(grabber.getImageWidth()).isEqualTo(720);
      assertThat(grabber.getImageHeight()).isEqualTo(1280);
      assertThat(grabber.getVideoCodecName()).isEqualTo("h264");
      assertThat(grabber.getAudioCodecName()).isEqualTo("aac");
      assertThat(grabber.getLengthInTime()).isBetween(1_950_000L, 2_050_000L);
      assertThat(grabber.getLengthInVideoFrames()).isEqualTo(60);
    }
  }

  @Test
  void sameInputsAndSeedGiveByteIdenticalVideos() throws Exception {
    var first = render("A quiet lake at dawn", 2, new VideoSize(480, 480), 42);
    var second = render("A quiet lake at dawn", 2, new VideoSize(480, 480), 42);

    assertThat(Files.mismatch(first, second)).isEqualTo(-1L);
  }

  @Test
  void differentPromptsOrSeedsGiveDifferentVideos() throws Exception {
    var base = render("A quiet lake at dawn", 2, new VideoSize(480, 480), 42);
    var otherPrompt = render("A loud lake at dawn", 2, new VideoSize(480, 480), 42);
    var otherSeed = render("A quiet lake at dawn", 2, new VideoSize(480, 480), 43);

    assertThat(Files.mismatch(base, otherPrompt)).isNotEqualTo(-1L);
    assertThat(Files.mismatch(base, otherSeed)).isNotEqualTo(-1L);
  }

  @Test
  void reportsProgressFrameByFrameUpToOne() throws Exception {
    List<Double> progress = new ArrayList<>();
    var request = ProviderRequest.textOnly("kinora-local", "Rain", Duration.ofSeconds(2), new VideoSize(480, 480), 1);
    renderer.generate(request, progress::add, dir.resolve("progress.mp4"));

    assertThat(progress).hasSize(60).isSorted();
    assertThat(progress.getLast()).isEqualTo(1.0);
  }

  @Test
  void stopsWhenItsThreadIsInterrupted() {
    var request = ProviderRequest.textOnly("kinora-local", "Rain", Duration.ofSeconds(2), new VideoSize(480, 480), 1);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> renderer.generate(request, p -> {}, dir.resolve("stopped.mp4")))
          .isInstanceOf(ProviderFailure.class)
          .satisfies(e -> assertThat(((ProviderFailure) e).code()).isEqualTo("cancelled"));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void offersTheSizesAndDurationsItCanRender() {
    var model = renderer.models().getFirst();

    assertThat(model.id()).isEqualTo("kinora-local");
    assertThat(model.displayName()).contains("procedural, offline");
    assertThat(model.minSeconds()).isEqualTo(2);
    assertThat(model.maxSeconds()).isEqualTo(20);
    assertThat(model.sizes()).contains(new VideoSize(1280, 720), new VideoSize(1080, 1920), new VideoSize(480, 480));
  }

  private Path render(String prompt, int seconds, VideoSize size, long seed) {
    var output = dir.resolve(prompt.hashCode() + "-" + seed + "-" + System.nanoTime() + ".mp4");
    renderer.generate(
        ProviderRequest.textOnly("kinora-local", prompt, Duration.ofSeconds(seconds), size, seed), p -> {}, output);
    return output;
  }
}
