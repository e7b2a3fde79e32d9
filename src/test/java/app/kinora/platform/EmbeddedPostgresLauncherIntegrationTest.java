package app.kinora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The claim on a data directory lives as long as the server: a second server on the same
 * directory is refused while the first runs, and may start once it has stopped (an application
 * restarted in the same process, as a test that needs a fresh context does).
 */
class EmbeddedPostgresLauncherIntegrationTest {

  @TempDir
  Path dataDir;

  @Test
  void aDirectoryServesOneServerAtATimeAndIsFreeAgainWhenItStops() throws Exception {
    var launcher = new EmbeddedPostgresLauncher(dataDir.resolve("postgres"));

    try (var first = launcher.start()) {
      assertThat(launcher.portOfRunningServer()).contains(first.server().getPort());
      assertThatThrownBy(launcher::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another Kinora process is using the data directory");
    }

    try (var again = launcher.start()) {
      assertThat(again.server().getPort()).isPositive();
    }
    assertThat(launcher.portOfRunningServer()).isEmpty();
  }
}
