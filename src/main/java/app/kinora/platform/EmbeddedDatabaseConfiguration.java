package app.kinora.platform;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts PostgreSQL inside the data directory when no {@code spring.datasource.url} is given, so
 * that a laptop runs the same SQL dialect as a cluster. Spring closes the server after the pool
 * and the job scheduler (both depend on it), which keeps shutdown under a second.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "close")
  EmbeddedPostgres embeddedPostgres(PlatformProperties properties) throws IOException {
    return new EmbeddedPostgresLauncher(properties.dataDir().resolve("postgres")).start();
  }

  @Bean(destroyMethod = "close")
  DataSource dataSource(EmbeddedPostgres postgres) {
    var config = new HikariConfig();
    config.setPoolName("kinora");
    config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
    config.setUsername("postgres");
    config.setMaximumPoolSize(20);
    return new HikariDataSource(config);
  }
}
