package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The signing secret moved from {@code library_secrets} to {@code media_secrets}: on a database
 * that had a secret before, the same secret is there after, so links signed before still verify.
 * Runs every migration in a schema of its own, up to the move and then past it.
 */
class SigningSecretMigrationIntegrationTest extends IntegrationTest {

  private static final String SCHEMA = "secret_move_check";
  private static final String BEFORE_THE_MOVE = "2026.11.30.1406";

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Test
  void theSecretMadeBeforeTheMoveIsTheSecretAfterIt() {
    var secret = new byte[32];
    new java.security.SecureRandom().nextBytes(secret);
    try {
      flyway().target(BEFORE_THE_MOVE).load().migrate();
      jdbc.sql("insert into " + SCHEMA + ".library_secrets (name, value) values ('media-links', ?)")
          .param(secret)
          .update();

      flyway().load().migrate();

      assertThat(
              jdbc.sql("select value from " + SCHEMA + ".media_secrets where name = 'media-links'")
                  .query(byte[].class)
                  .single())
          .isEqualTo(secret);
      assertThat(jdbc.sql(
                  "select count(*) from information_schema.tables where table_schema = ? and table_name = ?")
              .param(SCHEMA)
              .param("library_secrets")
              .query(Long.class)
              .single())
          .isZero();
    } finally {
      jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }
  }

  private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .createSchemas(true)
        .locations("classpath:db/migration");
  }
}
