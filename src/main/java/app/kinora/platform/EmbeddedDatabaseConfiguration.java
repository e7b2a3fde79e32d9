package app.kinora.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the data directory when no {@code spring.datasource.url} is given, so
 * that a laptop runs the same SQL dialect as a cluster. Spring closes the server after the pool
 * and the job scheduler (both depend on it), which keeps shutdown under a second. A command such as
 * {@code ./kinora backup} uses the server of a node running on the same directory, if one runs.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  /** The server this process started, or none when a command uses a running node's server. */
  record EmbeddedDatabase(EmbeddedPostgresLauncher.Running running, String jdbcUrl)
      implements Closeable {

    @Override
    public void close() throws IOException {
      if (running != null) {
        running.close();
      }
    }
  }

  @Bean(destroyMethod = "close")
  EmbeddedDatabase embeddedPostgres(
      PlatformProperties properties, @Value("${kinora.command:}") String command)
      throws IOException {
    var launcher = new EmbeddedPostgresLauncher(properties.dataDir().resolve("postgres"));
    if (!command.isBlank()) {
      var running = launcher.portOfRunningServer();
      if (running.isPresent()) {
        return new EmbeddedDatabase(
            null, "jdbc:postgresql://localhost:" + running.get() + "/postgres?user=postgres");
      }
    }
    var running = launcher.start();
    return new EmbeddedDatabase(running, running.server().getJdbcUrl("postgres", "postgres"));
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedDatabase postgres) {
    var config = new HikariConfig();
    config.setPoolName("kinora");
    config.setJdbcUrl(postgres.jdbcUrl());
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }
}
