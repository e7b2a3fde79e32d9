package app.kinora.media.internal;

import app.kinora.media.MediaRejected;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an FFmpeg executable on media in a child process: memory and CPU time capped, no network
 * (when root), an empty environment except FFmpeg's library path, no standard input, and a
 * wall-clock timeout. A crash or hang of the child costs the server nothing but the request.
 */
final class SandboxedProcess {

  private static final long MEMORY_LIMIT_BYTES = 2L << 30;
  private static final int CPU_SECONDS = 300;
  private static final List<String> SANDBOX =
      SandboxCommand.prefix(MEMORY_LIMIT_BYTES, CPU_SECONDS);

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SandboxedProcess.class);

  private SandboxedProcess() {}

  /** Standard output of a successful run. */
  static String run(List<String> command, Duration timeout) {
    Path stdout = null;
    Path stderr = null;
    Process process = null;
    try {
      stdout = Files.createTempFile("kinora-media-", ".out");
      stderr = Files.createTempFile("kinora-media-", ".err");
      process = confined(command)
          .redirectOutput(stdout.toFile())
          .redirectError(stderr.toFile())
          .start();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new MediaRejected("Processing the file took too long.");
      }
      if (process.exitValue() != 0) {
        // FFmpeg's words (demuxer names, heap addresses) are for the operator's log, not for people
        log.info("FFmpeg refused a file: {}", firstLine(Files.readString(stderr)));
        throw new MediaRejected(
            "The file could not be read: it is damaged, cut short or not what it claims to be.");
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MediaRejected("The media tools could not run.", e);
    } catch (InterruptedException e) {
      if (process != null) {
        process.destroyForcibly(); // a cancelled caller leaves no child behind
      }
      Thread.currentThread().interrupt();
      throw new MediaRejected("Processing the file was interrupted.", e);
    } finally {
      deleteQuietly(stdout);
      deleteQuietly(stderr);
    }
  }

  /**
   * A process builder for an FFmpeg command inside the sandbox prefix, with no standard input and
   * an environment holding nothing but FFmpeg's library path: the child gets none of our secrets.
   */
  static ProcessBuilder confined(List<String> command) {
    requireFileProtocolOnly(command);
    var full = new ArrayList<>(SANDBOX);
    full.addAll(command);
    var builder =
        new ProcessBuilder(full).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    builder.environment().clear();
    builder.environment().put("PATH", "/usr/bin:/bin");
    builder.environment().put("LD_LIBRARY_PATH", FfmpegBinaries.libraryPath());
    return builder;
  }

  /**
   * Every FFmpeg child must name its protocols: only {@code file} (no {@code http}, {@code hls},
   * {@code concat}, {@code subfile}, {@code data}…), so that a crafted file cannot make it open
   * another file or a connection. A command that does not say so, for each of its inputs, is a
   * programming error.
   */
  static void requireFileProtocolOnly(List<String> command) {
    int named = 0;
    boolean pending = false; // a whitelist given since the last input
    for (int i = 0; i < command.size(); i++) {
      if (command.get(i).equals("-protocol_whitelist")) {
        if (i + 1 >= command.size() || !command.get(i + 1).equals("file")) {
          throw notFileOnly(command);
        }
        named++;
        pending = true;
      } else if (command.get(i).equals("-i")) {
        if (!pending) {
          throw notFileOnly(command);
        }
        pending = false;
      }
    }
    if (named == 0) {
      throw notFileOnly(command);
    }
  }

  private static IllegalArgumentException notFileOnly(List<String> command) {
    return new IllegalArgumentException(
        "FFmpeg must run with -protocol_whitelist file before each input: " + command);
  }

  /** FFmpeg's first complaint, without the server's paths. */
  private static String firstLine(String text) {
    var line = text.strip()
        .lines()
        .findFirst()
        .orElse("unknown error")
        .replaceAll("(file:)?/[^\\s:]+:?\\s*", "")
        .strip();
    if (line.isEmpty()) {
      line = "unreadable data";
    }
    return line.length() > 200 ? line.substring(0, 200) : line;
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
}
