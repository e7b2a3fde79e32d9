package app.kinora.platform;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A Kinora node as a real operating-system process (this test JVM's classes and libraries) on the
 * test's database, optionally started through a wrapper command (a namespace that hides a library).
 */
record ChildNode(Process process, Path log) {

  static ChildNode start(DataSource database, List<String> wrapper, List<String> arguments)
      throws IOException {
    var hikari = (HikariDataSource) database;
    var dataDir = Path.of("target", "test-data", "child-" + UUID.randomUUID());
    Files.createDirectories(dataDir);
    var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(List.of(
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
    command.addAll(arguments);
    var log = dataDir.resolve("node.log");
    var process = new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    return new ChildNode(process, log);
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }
}
