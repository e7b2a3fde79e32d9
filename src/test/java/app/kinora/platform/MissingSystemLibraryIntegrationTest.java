package app.kinora.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.provider.spi.LocalVideoProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A node on a machine without {@code libpulse0} refuses to start and names the package. The
 * library is really gone for the node: it runs in its own mount namespace in which the system's
 * library directory no longer holds {@code libpulse.so.0} ({@code hide-libpulse.sh}).
 */
class MissingSystemLibraryIntegrationTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  @Test
  void withoutLibpulseTheNodeRefusesToStartAndNamesThePackage() throws Exception {
    var node = startWithoutLibpulse(List.of());

    assertThat(node.process().waitFor(3, TimeUnit.MINUTES)).as(node.output()).isTrue();
    var output = node.output();
    assertThat(node.process().exitValue()).as(output).isNotZero();
    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("libpulse.so.0 is missing")
        .contains("apt-get install libpulse0")
        .doesNotContain("Started KinoraApplication");
  }

  @Test
  void withTheRendererSwitchedOffFfmpegItselfStillNeedsTheLibrary() throws Exception {
    var node = startWithoutLibpulse(List.of("--kinora.render.enabled=false"));

    assertThat(node.process().waitFor(3, TimeUnit.MINUTES)).as(node.output()).isTrue();
    var output = node.output();
    assertThat(node.process().exitValue()).as(output).isNotZero();
    assertThat(output)
        .contains("FFmpeg's ff") // ffmpeg or ffprobe, whichever the node checked first
        .contains("apt-get install libpulse0")
        .doesNotContain("The local renderer cannot run");
  }

  @Test
  void theRendererSwitchedOffIsLeftOutOfTheModels() {
    try (var node = OtherNode.start(dataSource, Map.of("kinora.render.enabled", "false"))) {
      assertThat(node.getBeansOfType(LocalVideoProvider.class)).isEmpty();
      assertThat(node.containsBean("renderer")).isFalse();
      assertThat(node.containsBean("ffmpeg")).isTrue();
    }
  }

  private ChildNode startWithoutLibpulse(List<String> arguments) throws Exception {
    assumeThat(Path.of("/lib/x86_64-linux-gnu/libpulse.so.0"))
        .as("this machine has libpulse0 to hide")
        .exists();
    var script = Files.createTempFile("hide-libpulse", ".sh");
    try (var in = getClass().getResourceAsStream("/hide-libpulse.sh")) {
      Files.write(script, in.readAllBytes());
    }
    return ChildNode.start(
        dataSource,
        List.of("unshare", "--user", "--map-root-user", "--mount", "sh", script.toString()),
        arguments);
  }
}
