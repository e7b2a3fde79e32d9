package app.kinora.safety;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.OtherNode;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationAdministration;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-account cap on running videos (3 by default), held by the database across two nodes
 * with two workers each: an account that asks for six videos has at most three made at once, the
 * others wait in the queue (none is refused), and another account's video runs meanwhile on the
 * fourth worker.
 */
class RunningCapIntegrationTest extends IntegrationTest {

  @Autowired
  JdbcClient jdbc;

  @Autowired
  DataSource dataSource;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Generations generations;

  @Autowired
  GenerationAdministration console;

  @Test
  void anAccountAtItsCapWaitsInTheQueueWhileAnotherAccountsVideoRuns() {
    awaitNothingQueuedOrRunning();
    var a = TestAccounts.newUser(jdbc, "USER");
    var b = TestAccounts.newUser(jdbc, "USER");
    ledger.grant(a, Credits.of(100_000), "Running cap test", "test");
    try (var other = OtherNode.start(dataSource, Map.of("kinora.jobs.threads", "2"))) {
      for (int i = 0; i < 6; i++) {
        submit(a, "Tide pools " + i, "4");
      }
      submit(b, "A kite", "2");
      Awaitility.await("every video made")
          .atMost(Duration.ofMinutes(5))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> count("status in ('QUEUED', 'IN_PROGRESS')", a, b) == 0);
    } finally {
      console.cancelAll(a);
      console.cancelAll(b);
    }

    assertThat(count("status = 'COMPLETED'", a, a)).as("A's videos, all made").isEqualTo(6);
    assertThat(mostAtOnce(runs(a))).as("A's videos made at once").isEqualTo(3);
    var kite = runs(b).getFirst();
    var firstOfAEnded =
        runs(a).stream().map(Run::completed).min(Instant::compareTo).orElseThrow();
    assertThat(kite.started())
        .as("B's video started while A's first three were still being made")
        .isBefore(firstOfAEnded);
  }

  private record Run(Instant started, Instant completed) {}

  private void submit(UserId user, String prompt, String seconds) {
    generations.submit(
        user, TestSpecs.of("kinora-local", prompt, seconds, "1280x720", 1L), Attachment.Files.NONE);
  }

  private List<Run> runs(UserId user) {
    return jdbc.sql("""
            select started_at, completed_at from generations
             where user_id = ? and status = 'COMPLETED' order by started_at""")
        .param(user.value())
        .query((rs, row) ->
            new Run(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
        .list();
  }

  /** The largest number of runs in progress at one moment. */
  private static int mostAtOnce(List<Run> runs) {
    int most = 0;
    for (var run : runs) {
      var moment = run.started();
      int atOnce = (int) runs.stream()
          .filter(other -> !other.started().isAfter(moment) && other.completed().isAfter(moment))
          .count();
      most = Math.max(most, atOnce);
    }
    return most;
  }

  private long count(String condition, UserId one, UserId another) {
    return jdbc.sql("select count(*) from generations where user_id in (?, ?) and " + condition)
        .param(one.value())
        .param(another.value())
        .query(Long.class)
        .single();
  }

  private void awaitNothingQueuedOrRunning() {
    Awaitility.await("no video queued or running")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() ->
            jdbc.sql("select count(*) from generations where status in ('QUEUED', 'IN_PROGRESS')")
                    .query(Long.class)
                    .single()
                == 0);
  }
}
