package app.kinora.media.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command prefix that confines a media child process: resource limits through util-linux's
 * {@code prlimit}, and no network through {@code unshare -n} when the server runs as root (the
 * only case in which an unprivileged network namespace is sure to be allowed).
 */
final class SandboxCommand {

  private SandboxCommand() {}

  static List<String> prefix(long memoryBytes, int cpuSeconds) {
    var prefix = new ArrayList<String>();
    if (isRoot() && works("/usr/bin/unshare", "-n", "true")) {
      prefix.addAll(List.of("/usr/bin/unshare", "-n"));
    }
    if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
      prefix.addAll(
          List.of("/usr/bin/prlimit", "--as=" + memoryBytes, "--cpu=" + cpuSeconds, "--"));
    }
    return List.copyOf(prefix);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static boolean works(String... command) {
    if (!Files.isExecutable(Path.of(command[0]))) {
      return false;
    }
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }
}
