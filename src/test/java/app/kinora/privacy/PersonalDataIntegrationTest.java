package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.generation.GenerationRequest;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.OutputVariant;
import app.kinora.shared.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every table that holds users' data can be exported and erased through the privacy SPI. */
class PersonalDataIntegrationTest extends IntegrationTest {

  @Autowired PersonalDataInventory inventory;
  @Autowired Generations generations;
  @Autowired JdbcClient jdbc;

  @Test
  void everyTableKeyedByUserHasAnExporterAndEraser() {
    var userTables = jdbc.sql("""
            select distinct table_name from information_schema.columns
             where table_schema = 'public' and column_name in ('user_id', 'email', 'principal_name')
               and table_name not like 'spring_session%'
            union select 'users'""")
        .query(String.class)
        .set();

    assertThat(inventory.coveredTables()).containsAll(userTables);
  }

  @Test
  void exportsAndThenErasesAUsersAccountPromptsAndVideos() {
    var user = UserId.random();
    var email = "leaving-" + user + "@kinora.test";
    jdbc.sql("""
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at)
            values (?, ?, ?, 'Leaving Soon', '$argon2id$v=19$m=16384,t=2,p=1$c2FsdA$aGFzaA', 'USER', now())""")
        .params(user.value(), email, email)
        .update();
    var generation = generations.submit(user, GenerationRequest.of(null, "My secret garden", "2", "480x480", null));
    await().atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(user, generation.id()).orElseThrow().status() == GenerationStatus.COMPLETED);
    assertThat(generations.output(user, generation.id(), OutputVariant.VIDEO)).isPresent();

    var export = inventory.exportOf(user);
    assertThat(export.toString()).contains(email, "Leaving Soon", "My secret garden").doesNotContain("argon2");

    var video = generations.output(user, generation.id(), OutputVariant.VIDEO).orElseThrow();
    inventory.erase(user);

    assertThat(jdbc.sql("select count(*) from users where id = ?").param(user.value()).query(Long.class).single()).isZero();
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?").param(user.value()).query(Long.class).single()).isZero();
    assertThat(video.exists()).isFalse();
  }
}
