package app.kinora.render;

import app.kinora.provider.spi.ProviderSpecs;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.render.encode.Mp4Encoder;
import app.kinora.shared.VideoSize;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How fast the local renderer makes a video, against FFmpeg alone in the same run: the bundled
 * ffmpeg executable encoding its own synthetic picture ({@code testsrc2}) and a sine tone with
 * the renderer's encoder settings (libx264 veryfast, CRF 21, yuv420p, no threaded lookahead, AAC 96 kb/s mono 48 kHz fast coder,
 * faststart). Encoding is the floor; the ratio is what drawing the scene costs on top. Run with
 * {@code bench/render [SIZE] [SECONDS] [FPS] [ROUNDS] [PROMPT]}, under {@code -Xmx512m}.
 */
public final class RenderBenchmark {

  public static void main(String[] args) throws Exception {
    org.bytedeco.ffmpeg.global.avutil.av_log_set_level(
        org.bytedeco.ffmpeg.global.avutil.AV_LOG_ERROR);
    var size = VideoSize.parse(args.length > 0 ? args[0] : "1280x720");
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int fps = args.length > 2 ? Integer.parseInt(args[2]) : 24;
    int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    var prompt = args.length > 4 ? args[4] : "A slow aerial shot over snowy mountains at sunrise";
    var dir = Files.createTempDirectory("kinora-bench");
    var renderer = new LocalRenderer(NoReferenceClips.DECODER);
    var request = ProviderSpecs.of(
        LocalRenderer.MODEL,
        prompt,
        Duration.ofSeconds(seconds),
        size,
        1,
        fps,
        true,
        true,
        ReferenceMedia.NONE);

    renderer.generate(
        request, p -> {}, dir.resolve("warmup.mp4")); // loads the natives, warms the JIT
    encodeOnly(dir, size, seconds, fps);
    long encode = Long.MAX_VALUE;
    long render = Long.MAX_VALUE;
    long cpu = Long.MAX_VALUE;
    for (int round = 0; round < rounds; round++) {
      encode = Math.min(encode, encodeOnly(dir, size, seconds, fps));
      long start = System.nanoTime();
      long cpuStart = processCpu();
      renderer.generate(request, p -> {}, dir.resolve("render.mp4"));
      render = Math.min(render, System.nanoTime() - start);
      cpu = Math.min(cpu, processCpu() - cpuStart);
    }
    System.out.printf(
        "%s, %d s at %d fps (%d frames), best of %d, prompt \"%s\"%n",
        size, seconds, fps, seconds * fps, rounds, prompt);
    System.out.printf("ffmpeg encode only (testsrc2 + sine): %6.0f ms%n", encode / 1e6);
    System.out.printf(
        "kinora render:                        %6.0f ms  (%.2fx real time)%n",
        render / 1e6, seconds / (render / 1e9));
    System.out.printf("kinora render CPU time (all threads): %6.0f ms%n", cpu / 1e6);
    System.out.printf(
        "peak heap: %d MB of %d MB%n", peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
    System.out.printf("ratio render/encode: %.2f%n", (double) render / encode);
  }

  /** Runs the bundled ffmpeg as a child process and returns its wall time in nanoseconds. */
  private static long encodeOnly(Path dir, VideoSize size, int seconds, int fps) throws Exception {
    var ffmpeg = org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
    var command = List.of(
        ffmpeg,
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=%s:rate=%d:duration=%d".formatted(size, fps, seconds),
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:sample_rate=48000:duration=" + seconds,
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "21",
        "-pix_fmt",
        "yuv420p",
        "-g",
        String.valueOf(fps * 2),
        "-x264-params",
        Mp4Encoder.X264_PARAMS,
        "-flags",
        "+bitexact",
        "-c:a",
        "aac",
        "-b:a",
        "96k",
        "-aac_coder",
        "fast",
        "-ac",
        "1",
        "-ar",
        "48000",
        "-movflags",
        "+faststart",
        "-fflags",
        "+bitexact",
        dir.resolve("encode-only.mp4").toString());
    var builder = new ProcessBuilder(command).inheritIO();
    builder.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
    long start = System.nanoTime();
    int exit = builder.start().waitFor();
    long elapsed = System.nanoTime() - start;
    if (exit != 0) {
      throw new IllegalStateException("ffmpeg exited with " + exit);
    }
    return elapsed;
  }

  private static long processCpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long peakHeap() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP)
        .mapToLong(pool -> pool.getPeakUsage().getUsed())
        .sum();
  }
}
