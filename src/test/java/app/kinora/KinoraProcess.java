package app.kinora;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Another Kinora node as a real operating-system process on the test's database (this JVM's
 * classes and libraries), so that a test can kill it with SIGKILL: no shutdown hook, no last
 * heartbeat, nothing finished on the way out.
 */
public record KinoraProcess(Process process, Path log) {

  /** Starts a node with these settings on top and waits until it serves. */
  public static KinoraProcess start(DataSource database, Map<String, String> settings)
      throws IOException {
    var hikari = (HikariDataSource) database;
    var dataDir = Path.of("target", "test-data", "process-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java,
        "--enable-native-access=ALL-UNNAMED",
        "-Xmx512m",
        "-cp",
        System.getProperty("java.class.path"),
        "app.kinora.KinoraApplication",
        "--server.port=0",
        "--spring.datasource.url=" + hikari.getJdbcUrl(),
        "--spring.datasource.username=" + hikari.getUsername(),
        "--spring.datasource.password="
            + (hikari.getPassword() == null ? "" : hikari.getPassword()),
        "--kinora.data-dir=" + dataDir,
        "--spring.main.banner-mode=off"));
    settings.forEach((name, value) -> command.add("--" + name + "=" + value));
    var log = dataDir.resolve("node.log");
    var process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    var node = new KinoraProcess(process, log);
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> !node.process().isAlive() || node.output().contains("Started KinoraApplication"));
    assertThat(node.process().isAlive())
        .as("the node started: %s", node.output())
        .isTrue();
    return node;
  }

  /** SIGKILL, and waits for the process to be gone; returns its exit status. */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    return process.exitValue();
  }

  public String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }
}
