package app.kinora;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another Kinora node on the test's database, with its own port and data directory: a cluster, or a restart. */
public final class OtherNode {

  private OtherNode() {}

  /** Starts it with these settings on top; close it to stop it. */
  public static ConfigurableApplicationContext start(
      DataSource database, Map<String, String> settings) {
    var hikari = (HikariDataSource) database;
    var properties = new HashMap<String, Object>(Map.of(
        "server.port",
        "0",
        "spring.datasource.url",
        hikari.getJdbcUrl(),
        "spring.datasource.username",
        hikari.getUsername(),
        "spring.datasource.password",
        hikari.getPassword() == null ? "" : hikari.getPassword(),
        "kinora.data-dir",
        Path.of("target", "test-data", "node-" + UUID.randomUUID()).toString(),
        "spring.main.banner-mode",
        "off"));
    properties.putAll(settings);
    // as command-line arguments: above application.yml, as an operator's own settings would be
    var arguments = properties.entrySet().stream()
        .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
        .toArray(String[]::new);
    return new SpringApplicationBuilder(KinoraApplication.class).run(arguments);
  }
}
