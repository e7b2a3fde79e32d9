package app.kinora.media.internal;

import app.kinora.shared.MissingSystemPackage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Runs FFmpeg's bundled {@code ffmpeg} and {@code ffprobe} once as the node starts, the way every
 * upload and every finished video will run them. Both link against system libraries (PulseAudio's
 * {@code libpulse.so.0} among them): when one is missing the node refuses to start with the Debian
 * package to install, instead of reporting UP and failing every job. Health {@code ffmpeg} shows the
 * versions found.
 */
@Component("ffmpeg")
class FfmpegSelfTest implements HealthIndicator {

  private final String ffmpegVersion;
  private final String ffprobeVersion;

  FfmpegSelfTest() {
    this.ffmpegVersion = version("ffmpeg", locate("ffmpeg", FfmpegBinaries::ffmpeg));
    this.ffprobeVersion = version("ffprobe", locate("ffprobe", FfmpegBinaries::ffprobe));
  }

  /** JavaCPP extracts the executable with FFmpeg's libraries, and loads them on the way. */
  private static String locate(String name, java.util.function.Supplier<String> executable) {
    try {
      return executable.get();
    } catch (LinkageError e) {
      var report = new StringBuilder();
      for (Throwable cause = e; cause != null; cause = cause.getCause()) {
        report.append(cause.getMessage()).append("; ");
      }
      throw MissingSystemPackage.of("FFmpeg's " + name, report.toString())
          .orElseThrow(() ->
              new IllegalStateException("FFmpeg's " + name + " cannot be loaded: " + report, e));
    }
  }

  @Override
  public Health health() {
    return Health.up()
        .withDetail("ffmpeg", ffmpegVersion)
        .withDetail("ffprobe", ffprobeVersion)
        .build();
  }

  /** The first line {@code -version} prints, or the refusal to start. */
  static String version(String name, String executable) {
    var command = List.of(executable, "-hide_banner", "-protocol_whitelist", "file", "-version");
    try {
      var process = SandboxedProcess.confined(command).redirectErrorStream(true).start();
      var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("FFmpeg's " + name + " did not answer within a minute");
      }
      if (process.exitValue() != 0) {
        throw MissingSystemPackage.of("FFmpeg's " + name, output)
            .orElseThrow(() -> new IllegalStateException("FFmpeg's " + name + " cannot run (exit "
                + process.exitValue() + "): " + output.strip()));
      }
      return output.lines().findFirst().orElse(name).strip();
    } catch (IOException e) {
      throw new IllegalStateException(
          "FFmpeg's " + name + " cannot be started: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while checking FFmpeg's " + name, e);
    }
  }
}
