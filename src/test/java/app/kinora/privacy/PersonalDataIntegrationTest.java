package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.generation.TestSpecs;
import app.kinora.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every table that holds users' data can be exported and erased through the privacy SPI. */
class PersonalDataIntegrationTest extends IntegrationTest {

  @Autowired
  PersonalDataInventory inventory;

  @Autowired
  Generations generations;

  @Autowired
  JdbcClient jdbc;

  @Test
  void everyTableKeyedByUserHasAnExporterAndEraser() {
    assertThat(inventory.coveredTables()).containsAll(userTables());
  }

  /** Tables with a column that points at a user or holds an email, found in the catalogue. */
  private java.util.Set<String> userTables() {
    return jdbc.sql("""
            select distinct table_name from information_schema.columns
             where table_schema = 'public' and column_name in ('user_id', 'email', 'principal_name')
               and table_name not like 'spring_session%'
            union select 'users'""").query(String.class).set();
  }

  @Test
  void everyColumnThatCanHoldPersonalDataIsDeclaredWithCategoryPurposesAndRetention() {
    var userTables = userTables();
    var candidates =
        jdbc.sql("""
            select c.table_name || '.' || c.column_name from information_schema.columns c
             where c.table_schema = 'public' and c.table_name in (:tables)
               and c.data_type in ('text', 'character varying', 'character', 'inet', 'cidr', 'json', 'jsonb', 'bytea', 'date',
                                 'tsvector')""").param("tables", userTables).query(String.class).set();
    var declared = inventory.declaredColumns();
    var declaredNames = declared.stream()
        .map(c -> c.table() + "." + c.column())
        .collect(java.util.stream.Collectors.toSet());
    var existing = jdbc.sql(
            "select table_name || '.' || column_name from information_schema.columns where table_schema = 'public'")
        .query(String.class)
        .set();

    assertThat(declaredNames).as("columns without a declared purpose").containsAll(candidates);
    assertThat(existing).as("declared columns that do not exist").containsAll(declaredNames);
    assertThat(declared).allSatisfy(column -> {
      assertThat(column.purposes()).as(column.table() + "." + column.column()).isNotEmpty();
      assertThat(column.retention()).as(column.table() + "." + column.column()).isNotBlank();
    });
  }

  @Test
  void exportsAndThenErasesAUsersAccountPromptsAndVideos() {
    var user = UserId.random();
    var email = "leaving-" + user + "@kinora.test";
    jdbc.sql("""
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at)
            values (?, ?, ?, 'Leaving Soon', '$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA', 'USER', now())""").params(user.value(), email, email).update();
    var generation = generations.submit(
        user, TestSpecs.of(null, "My secret garden", "2", "480x480", null), Attachment.Files.NONE);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(user, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);
    assertThat(generations.output(user, generation.id(), OutputVariant.VIDEO)).isPresent();

    var export = inventory.exportOf(user);
    assertThat(export.toString())
        .contains(email, "Leaving Soon", "My secret garden")
        .doesNotContain("argon2");

    var video = generations.output(user, generation.id(), OutputVariant.VIDEO).orElseThrow();
    inventory.erase(user);

    assertThat(jdbc.sql("select count(*) from users where id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(video.exists()).isFalse();
  }
}
