package app.kinora.render;

import app.kinora.provider.spi.ProviderRequest;
import app.kinora.shared.VideoSize;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.time.Duration;

/**
 * How fast the local renderer makes a video, against a baseline in the same run: encoding the
 * same number of blank frames and silent audio, i.e. the cost of FFmpeg alone. The ratio is the
 * price of drawing the scene. Run with {@code bench/render-throughput.sh}.
 */
public final class RenderBenchmark {

  public static void main(String[] args) throws Exception {
    var size = VideoSize.parse(args.length > 0 ? args[0] : "1280x720");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    int frames = seconds * 30;
    var dir = Files.createTempDirectory("kinora-bench");
    var renderer = new LocalRenderer(LocalRendererIntegrationTest.NO_VIDEO_DECODER);

    encodeBlank(dir, size, frames); // warm-up: loads the natives, JIT
    renderer.generate(request(size, seconds, 0), p -> {}, dir.resolve("warmup.mp4"));

    long blank = Long.MAX_VALUE;
    long full = Long.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      long start = System.nanoTime();
      encodeBlank(dir, size, frames);
      blank = Math.min(blank, System.nanoTime() - start);
      start = System.nanoTime();
      renderer.generate(request(size, seconds, round + 1), p -> {}, dir.resolve("full.mp4"));
      full = Math.min(full, System.nanoTime() - start);
    }
    System.out.printf("render %s, %d s (%d frames), best of %d rounds%n", size, seconds, frames, rounds);
    System.out.printf("baseline  encode blank frames: %7.0f ms  (%5.0f frames/s)%n", blank / 1e6, frames / (blank / 1e9));
    System.out.printf("kinora    render full scene:   %7.0f ms  (%5.0f frames/s, %.2fx real time)%n",
        full / 1e6, frames / (full / 1e9), seconds / (full / 1e9));
    System.out.printf("ratio full/baseline: %.2f%n", (double) full / blank);
  }

  private static ProviderRequest request(VideoSize size, int seconds, long seed) {
    return ProviderRequest.textOnly("kinora-local", "A slow aerial shot over snowy mountains at sunrise",
        Duration.ofSeconds(seconds), size, seed);
  }

  private static void encodeBlank(java.nio.file.Path dir, VideoSize size, int frames) throws Exception {
    var image = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_3BYTE_BGR);
    var silence = new short[Mp4Encoder.SAMPLE_RATE / 30];
    try (var encoder = new Mp4Encoder(dir.resolve("blank.mp4"), size, 30, true)) {
      for (int i = 0; i < frames; i++) {
        encoder.addFrame(image);
        encoder.addAudio(silence);
      }
    }
  }
}
