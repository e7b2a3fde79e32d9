package app.kinora.library.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.TestAccounts;
import app.kinora.generation.GenerationId;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The library's index follows generations through durable events: when it cannot keep up, the
 * generation still completes and its credits are still captured, and the index catches up when a
 * node starts and delivers the publications left incomplete.
 */
class LibraryCatchUpIntegrationTest extends IntegrationTest {

  private static final String MARKER = "catch-up marker";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @AfterEach
  void indexWorksAgain() {
    jdbc.sql("drop trigger if exists library_index_broken on library_items").update();
  }

  @Test
  void aFailingIndexUndoesNeitherTheCompletionNorTheCaptureAndCatchesUpAfterARestart() {
    breakTheIndexForPromptsWith(MARKER);
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "Harbour lights at dusk, " + MARKER, "seconds", "2", "size", "480x480"));
    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    var id = GenerationId.fromApiId(reply.json().path("id").asString());
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> api.get("/v1/videos/" + id.apiId()).json().path("status").asString(),
            "completed"::equals);

    assertThat(jdbc.sql("select status from generations where id = ?")
            .param(id.value())
            .query(String.class)
            .single())
        .isEqualTo("COMPLETED");
    assertThat(ledgerKinds(id)).containsExactlyInAnyOrder("hold", "capture");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> incompleteLibraryPublications() >= 2); // queued, …, completed
    assertThat(item(id)).as("the index could not follow").isNull();

    jdbc.sql("drop trigger library_index_broken on library_items").update();
    try (var restarted = OtherNode.start(dataSource, Map.of())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> "COMPLETED".equals(item(id)));
    }
    assertThat(jdbc.sql("select bytes from library_items where id = ?")
            .param(id.value())
            .query(Long.class)
            .single())
        .isPositive();
    assertThat(ledgerKinds(id))
        .as("nothing settled twice")
        .containsExactlyInAnyOrder("hold", "capture");
  }

  private void breakTheIndexForPromptsWith(String marker) {
    jdbc.sql("""
        create or replace function library_index_broken() returns trigger language plpgsql as $$
        begin
          if new.prompt like '%%%s%%' then
            raise exception 'the library index is broken for this test';
          end if;
          return new;
        end $$""".formatted(marker)).update();
    jdbc.sql("""
        create trigger library_index_broken before insert or update on library_items
        for each row execute function library_index_broken()""").update();
  }

  private String item(GenerationId id) {
    return jdbc.sql("select status from library_items where id = ?")
        .param(id.value())
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private java.util.List<String> ledgerKinds(GenerationId id) {
    return jdbc.sql("select kind from credit_entries where hold_id = ?")
        .param(id.value())
        .query(String.class)
        .list();
  }

  private int incompleteLibraryPublications() {
    return jdbc.sql(
            "select count(*) from event_publication where completion_date is null and listener_id like 'library.%'")
        .query(Integer.class)
        .single();
  }
}
