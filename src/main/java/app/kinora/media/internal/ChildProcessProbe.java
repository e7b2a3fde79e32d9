package app.kinora.media.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaProbe;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs FFmpeg's bundled {@code ffprobe} in a child process: only the {@code file} protocol and
 * the MP4 demuxer are allowed, memory and CPU time are capped with {@code prlimit}, and, when
 * running as root, the child gets an empty network namespace. A crash or hang of the child costs
 * the server nothing but the request.
 */
@Component
class ChildProcessProbe implements MediaProbe {

  private static final long MEMORY_LIMIT_BYTES = 1L << 30;
  private static final int CPU_SECONDS = 60;

  private final Duration timeout;
  private final JsonMapper json = JsonMapper.builder().build();
  private final List<String> sandbox = SandboxCommand.prefix(MEMORY_LIMIT_BYTES, CPU_SECONDS);

  ChildProcessProbe(MediaProperties properties) {
    this.timeout = properties.probeTimeout();
  }

  @Override
  public MediaInfo probeMp4(Path file) {
    var command = new ArrayList<>(sandbox);
    command.addAll(
        List.of(
            ffprobe(), "-v", "error",
            "-protocol_whitelist", "file",
            "-format_whitelist", "mov,mp4,m4a,3gp,3g2,mj2",
            "-f", "mp4",
            "-show_format", "-show_streams", "-of", "json",
            "file:" + file.toAbsolutePath()));
    var output = run(command);
    try {
      return parse(json.readTree(output), Mp4Layout.isFastStart(file));
    } catch (IOException | RuntimeException e) {
      throw new MediaRejected("The file could not be read as MP4 video.", e);
    }
  }

  private String run(List<String> command) {
    Path stdout = null;
    Path stderr = null;
    try {
      stdout = Files.createTempFile("kinora-probe-", ".json");
      stderr = Files.createTempFile("kinora-probe-", ".err");
      var builder =
          new ProcessBuilder(command)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile());
      // The child gets no secrets from our environment, only the path to FFmpeg's own libraries.
      builder.environment().clear();
      builder.environment().put("PATH", "/usr/bin:/bin");
      builder.environment().put("LD_LIBRARY_PATH", Path.of(ffprobe()).getParent().toString());
      var process = builder.start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new MediaRejected("Inspecting the file took too long.");
      }
      if (process.exitValue() != 0) {
        throw new MediaRejected("The file is not valid media: " + firstLine(Files.readString(stderr)));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MediaRejected("The media inspector could not run.", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MediaRejected("Inspecting the file was interrupted.", e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temp file is harmless
      }
    }
  }

  private static MediaInfo parse(JsonNode root, boolean fastStart) {
    var format = root.path("format");
    var streams = new ArrayList<MediaInfo.Stream>();
    for (var stream : root.path("streams")) {
      streams.add(
          new MediaInfo.Stream(
              stream.path("codec_type").asString(""),
              stream.path("codec_name").asString(""),
              stream.path("width").asInt(0),
              stream.path("height").asInt(0),
              stream.path("sample_rate").asInt(0)));
    }
    var seconds = Double.parseDouble(format.path("duration").asString("0"));
    return new MediaInfo(
        format.path("format_name").asString(""),
        Duration.ofNanos(Math.round(seconds * 1e9)),
        streams,
        fastStart);
  }

  private static String ffprobe() {
    return Loader.load(org.bytedeco.ffmpeg.ffprobe.class);
  }

  private static String firstLine(String text) {
    var line = text.strip().lines().findFirst().orElse("unknown error");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
