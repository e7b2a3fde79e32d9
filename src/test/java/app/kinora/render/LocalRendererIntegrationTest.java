package app.kinora.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LocalRendererIntegrationTest {

  private static final LocalRenderer RENDERER = new LocalRenderer(NoReferenceClips.DECODER);

  @TempDir
  Path dir;

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

  /** Every size the model offers, each at one of the two frame rates, and both rates at one size. */
  static Stream<Arguments> offeredSizesAndFrameRates() {
    var sizes = RENDERER.models().getFirst().sizes();
    var rates = RENDERER.models().getFirst().framesPerSecond();
    var cases = new ArrayList<Arguments>();
    IntStream.range(0, sizes.size())
        .forEach(i -> cases.add(Arguments.of(sizes.get(i), rates.get(i % rates.size()))));
    cases.add(Arguments.of(new VideoSize(480, 480), 24));
    cases.add(Arguments.of(new VideoSize(480, 480), 30));
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} at {1} fps")
  @MethodSource("offeredSizesAndFrameRates")
  void everyOfferedSizeAndFrameRateGivesExactlySecondsTimesRateFrames(
      VideoSize size, int framesPerSecond) throws Exception {
    var output = dir.resolve(size + "-" + framesPerSecond + ".mp4");
    RENDERER.generate(
        ProviderSpecs.of(
            LocalRenderer.MODEL,
            "A static shot of calm hills",
            Duration.ofSeconds(2),
            size,
            5,
            framesPerSecond,
            false,
            false,
            ReferenceMedia.NONE),
        p -> {},
        output);

    try (var grabber = new FFmpegFrameGrabber(output.toFile())) {
      grabber.start();
      assertThat(grabber.getImageWidth()).isEqualTo(size.width());
      assertThat(grabber.getImageHeight()).isEqualTo(size.height());
      assertThat(grabber.getLengthInVideoFrames()).isEqualTo(2 * framesPerSecond);
      assertThat(grabber.getFrameRate()).isEqualTo(framesPerSecond);
    }
    // what LocalRenderer.makesWhatWasAsked promises, so the worker does not probe it again
    var boxes = topLevelBoxes(output);
    assertThat(boxes).contains("moov", "mdat");
    assertThat(boxes.indexOf("moov")).as("index at the front").isLessThan(boxes.indexOf("mdat"));
  }

  /** The MP4's top-level box types in file order (ISO/IEC 14496-12: 32-bit size, then type). */
  private static List<String> topLevelBoxes(Path file) throws IOException {
    var boxes = new ArrayList<String>();
    try (var channel = FileChannel.open(file)) {
      var header = ByteBuffer.allocate(16);
      long position = 0;
      while (position + 8 <= channel.size()) {
        header.clear();
        channel.read(header, position);
        long size = Integer.toUnsignedLong(header.getInt(0));
        boxes.add(new String(header.array(), 4, 4, StandardCharsets.US_ASCII));
        if (size == 1) {
          size = header.getLong(8);
        } else if (size == 0) {
          break;
        }
        position += size;
      }
    }
    return boxes;
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
  void withoutSoundTheVideoHasNoAudioStream() throws Exception {
    var output = dir.resolve("silent.mp4");
    RENDERER.generate(
        ProviderSpecs.of(
            LocalRenderer.MODEL,
            "Rain on a city",
            Duration.ofSeconds(2),
            new VideoSize(480, 480),
            1,
            24,
            false,
            true,
            ReferenceMedia.NONE),
        p -> {},
        output);

    try (var grabber = new FFmpegFrameGrabber(output.toFile())) {
      grabber.start();
      assertThat(grabber.hasVideo()).isTrue();
      assertThat(grabber.hasAudio()).isFalse();
      assertThat(grabber.getAudioChannels()).isZero();
    }
  }

  @Test
  void withoutCaptionTheVideoDiffersFromTheCaptionedOne() throws Exception {
    var captioned = dir.resolve("captioned.mp4");
    var plain = dir.resolve("plain.mp4");
    RENDERER.generate(request("A quiet lake at dawn", true), p -> {}, captioned);
    RENDERER.generate(request("A quiet lake at dawn", false), p -> {}, plain);

    assertThat(Files.mismatch(captioned, plain)).isNotEqualTo(-1L);
  }

  @Test
  void thePromptsWeatherFallsOverAReferencePicture() throws Exception {
    var picture = dir.resolve("grey.png");
    var grey = new BufferedImage(480, 480, BufferedImage.TYPE_INT_RGB);
    var g = grey.createGraphics();
    g.setColor(new Color(0x50, 0x58, 0x60));
    g.fillRect(0, 0, 480, 480);
    g.dispose();
    ImageIO.write(grey, "png", picture.toFile());

    int snowy = changedPixels(lastFrame(renderOver(picture, "Heavy snow falling")));
    int rainy = changedPixels(lastFrame(renderOver(picture, "Rain")));
    int calm = changedPixels(lastFrame(renderOver(picture, "A calm afternoon")));

    assertThat(snowy).as("snowflakes over the picture").isGreaterThan(400).isGreaterThan(calm * 3);
    assertThat(rainy).as("raindrops over the picture").isGreaterThan(400).isGreaterThan(calm * 3);
  }

  @Test
  void reportsRisingProgressThatReachesOneBeforeItReturns() {
    List<Double> progress = new CopyOnWriteArrayList<>();
    var request = ProviderSpecs.textOnly(
        "kinora-local", "Rain", Duration.ofSeconds(2), new VideoSize(480, 480), 1);
    RENDERER.generate(request, progress::add, dir.resolve("progress.mp4"));

    assertThat(progress)
        .isNotEmpty()
        .isSorted()
        .doesNotHaveDuplicates()
        .allMatch(p -> p > 0 && p <= 1);
    assertThat(progress.getLast()).isEqualTo(1.0);
  }

  @Test
  void stopsWithWhatTheProgressListenerThrowsAndLeavesNoPictures() {
    var cancelled = ProviderFailure.of(FailureCode.CANCELLED, "cancelled by its owner");
    var request = ProviderSpecs.textOnly(
        "kinora-local", "Rain", Duration.ofSeconds(2), new VideoSize(480, 480), 1);
    var output = dir.resolve("cancelled.mp4");

    assertThatThrownBy(() -> RENDERER.generate(
            request,
            fraction -> {
              if (fraction > 0.5) {
                throw cancelled;
              }
            },
            output))
        .isSameAs(cancelled);
    assertThat(RenderedDerivatives.posterBeside(output)).doesNotExist();
    assertThat(RenderedDerivatives.spriteSheetBeside(output)).doesNotExist();
  }

  @Test
  void stopsWhenItsThreadIsInterrupted() {
    var request = ProviderSpecs.textOnly(
        "kinora-local", "Rain", Duration.ofSeconds(2), new VideoSize(480, 480), 1);
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> RENDERER.generate(request, p -> {}, dir.resolve("stopped.mp4")))
          .isInstanceOf(ProviderFailure.class)
          .satisfies(e -> assertThat(((ProviderFailure) e).code()).isEqualTo("cancelled"));
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void offersTheSizesFrameRatesAndDurationsItCanRender() {
    var model = RENDERER.models().getFirst();

    assertThat(model.id()).isEqualTo("kinora-local");
    assertThat(model.displayName()).isEqualTo("Local renderer — procedural, offline");
    assertThat(model.description()).contains("Not an AI model");
    assertThat(model.minSeconds()).isEqualTo(2);
    assertThat(model.maxSeconds()).isEqualTo(20);
    assertThat(model.framesPerSecond()).containsExactly(30, 24);
    assertThat(model.sizes())
        .hasSize(15)
        .doesNotHaveDuplicates()
        .contains(
            new VideoSize(1280, 720),
            new VideoSize(854, 480),
            new VideoSize(1920, 1080),
            new VideoSize(720, 1280),
            new VideoSize(480, 854),
            new VideoSize(1080, 1920),
            new VideoSize(720, 720),
            new VideoSize(480, 480),
            new VideoSize(1080, 1080),
            new VideoSize(640, 480),
            new VideoSize(960, 720),
            new VideoSize(1440, 1080),
            new VideoSize(480, 640),
            new VideoSize(720, 960),
            new VideoSize(1080, 1440));
  }

  private static VideoSpec<ReferenceMedia> request(String prompt, boolean caption) {
    return ProviderSpecs.of(
        LocalRenderer.MODEL,
        prompt,
        Duration.ofSeconds(2),
        new VideoSize(480, 480),
        3,
        24,
        false,
        caption,
        ReferenceMedia.NONE);
  }

  private Path renderOver(Path picture, String prompt) {
    var output = dir.resolve(prompt.hashCode() + "-over.mp4");
    RENDERER.generate(
        ProviderSpecs.of(
            LocalRenderer.MODEL,
            prompt,
            Duration.ofSeconds(2),
            new VideoSize(480, 480),
            5,
            24,
            false,
            false,
            new ReferenceMedia(picture, null, null, null)),
        p -> {},
        output);
    return output;
  }

  private static BufferedImage lastFrame(Path video) throws Exception {
    try (var grabber = new FFmpegFrameGrabber(video.toFile());
        var converter = new Java2DFrameConverter()) {
      grabber.start();
      BufferedImage last = null;
      for (var frame = grabber.grabImage(); frame != null; frame = grabber.grabImage()) {
        last = converter.convert(frame);
      }
      var copy = new BufferedImage(last.getWidth(), last.getHeight(), BufferedImage.TYPE_INT_RGB);
      copy.getGraphics().drawImage(last, 0, 0, null);
      return copy;
    }
  }

  /** Pixels clearly brighter than the graded grey picture: what was drawn over it. */
  private static int changedPixels(BufferedImage frame) {
    int[] brightness = new int[frame.getWidth() * frame.getHeight()];
    for (int i = 0; i < brightness.length; i++) {
      var c = new Color(frame.getRGB(i % frame.getWidth(), i / frame.getWidth()));
      brightness[i] = c.getRed() + c.getGreen() + c.getBlue();
    }
    int background = IntStream.of(brightness).sorted().toArray()[brightness.length / 2];
    return (int) IntStream.of(brightness).filter(b -> b > background + 45).count();
  }

  private Path render(String prompt, int seconds, VideoSize size, long seed) {
    var output = dir.resolve(prompt.hashCode() + "-" + seed + "-" + System.nanoTime() + ".mp4");
    RENDERER.generate(
        ProviderSpecs.textOnly("kinora-local", prompt, Duration.ofSeconds(seconds), size, seed),
        p -> {},
        output);
    return output;
  }
}
