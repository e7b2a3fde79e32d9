package app.kinora.platform;

import app.kinora.shared.MissingSystemPackage;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A node that refuses to start for a missing system library says so in two lines, not a stack trace. */
class MissingSystemPackageAnalyzer extends AbstractFailureAnalyzer<MissingSystemPackage> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingSystemPackage cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Install the Debian package(s) " + String.join(", ", cause.packages())
            + " (as root: apt-get install " + String.join(" ", cause.packages())
            + "; ./kinora run does it for you), then start Kinora again.",
        cause);
  }
}
