package app.kinora.shared;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node cannot run because a shared library of the operating system is missing; the message names
 * the Debian package that brings it, so an operator knows what to install. Thrown while the node
 * starts, so that it refuses to serve instead of failing every job later.
 */
public class MissingSystemPackage extends RuntimeException {

  /** The libraries FFmpeg's builds link against and the Debian packages that ship them. */
  private static final Map<String, String> PACKAGES = Map.of(
      "libpulse.so.0", "libpulse0",
      "libpulsecommon", "libpulse0",
      "libasound.so.2", "libasound2",
      "libxcb.so.1", "libxcb1",
      "libxcb-shm.so.0", "libxcb-shm0");

  private final List<String> packages;

  private MissingSystemPackage(String what, List<String> packages, String detail) {
    super(what + " cannot run: " + detail + ". Install the Debian package"
        + (packages.size() > 1 ? "s " : " ") + String.join(" ", packages)
        + " (apt-get install " + String.join(" ", packages) + ") and start again.");
    this.packages = packages;
  }

  /**
   * What {@code what} reported (a loader's error, a child process's output) read for the library it
   * missed; empty when the text names none this class knows.
   */
  public static java.util.Optional<MissingSystemPackage> of(String what, String report) {
    Set<String> packages = new LinkedHashSet<>();
    String missing = null;
    for (var entry : PACKAGES.entrySet()) {
      if (report != null && report.contains(entry.getKey())) {
        packages.add(entry.getValue());
        missing = missing == null ? entry.getKey() : missing;
      }
    }
    if (packages.isEmpty()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new MissingSystemPackage(
        what, List.copyOf(packages), "the system library " + missing + " is missing"));
  }

  /** The Debian packages to install. */
  public List<String> packages() {
    return packages;
  }
}
