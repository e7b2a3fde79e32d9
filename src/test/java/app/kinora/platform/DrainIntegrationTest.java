package app.kinora.platform;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SIGTERM to a worker node (a real operating-system process): a render that finishes within the
 * drain grace finishes there; one that does not is handed back at once (its claim released, no
 * failure counted), and another node completes it with the hold ending once.
 */
class DrainIntegrationTest extends IntegrationTest {

  @Autowired
  Generations generations;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Scheduler scheduler;

  @Autowired
  DataSource dataSource;

  @Autowired
  JdbcClient jdbc;

  @Test
  void aRenderLongerThanTheGraceIsHandedBackAndCompletedElsewhereOnce() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    scheduler.pause(); // only the other node may take the job
    GenerationId id;
    try {
      var node = startWorker("1s");
      id = submit(user, "12", "1280x720");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> progress(id) > 0);

      node.process().destroy(); // SIGTERM
      assertThat(node.process().waitFor(2, TimeUnit.MINUTES)).as(node.output()).isTrue();
      assertThat(node.output()).contains("1 handed back to other nodes");

      var claim = jdbc.sql(
              "select picked, picked_by, coalesce(consecutive_failures, 0) failures from scheduled_tasks"
                  + " where task_name = 'generation' and task_instance = ?")
          .param(id.toString())
          .query()
          .singleRow();
      assertThat(claim).containsEntry("picked", false).containsEntry("failures", 0);
      assertThat(claim.get("picked_by")).isNull();
      assertThat(status(id)).isEqualTo("IN_PROGRESS");
    } finally {
      scheduler.resume();
      scheduler.triggerCheckForDueExecutions();
    }
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> "COMPLETED".equals(status(id)));
    assertThat(attempt(id)).as("the drained node's attempt, then this node's").isEqualTo(2);
    assertThat(count(jdbc, user, "hold")).isEqualTo(1);
    assertThat(count(jdbc, user, "capture")).isEqualTo(1);
    assertThat(count(jdbc, user, "release")).isZero();
    assertThat(ledger.balance(user).held()).isEqualTo(Credits.ZERO);
    assertLedgerReconciles(jdbc);
  }

  @Test
  void aRenderThatFitsTheGraceFinishesOnTheStoppingNode() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    scheduler.pause();
    try {
      var node = startWorker("3m");
      var id = submit(user, "4", "854x480");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> "IN_PROGRESS".equals(status(id)));

      node.process().destroy(); // SIGTERM while it renders
      assertThat(node.process().waitFor(3, TimeUnit.MINUTES)).as(node.output()).isTrue();

      assertThat(status(id)).as(node.output()).isEqualTo("COMPLETED");
      assertThat(attempt(id)).isEqualTo(1);
      assertThat(node.output()).contains("0 handed back to other nodes");
      assertThat(ledger.balance(user).held()).isEqualTo(Credits.ZERO);
    } finally {
      scheduler.resume();
    }
  }

  private ChildNode startWorker(String grace) throws Exception {
    var node = ChildNode.start(
        dataSource,
        List.of(),
        List.of("--kinora.node.drain-grace=" + grace, "--kinora.jobs.threads=1"));
    await()
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !node.process().isAlive() || node.output().contains("Job workers started"));
    assertThat(node.process().isAlive()).as(node.output()).isTrue();
    return node;
  }

  private GenerationId submit(UserId user, String seconds, String size) {
    return generations
        .submit(
            user,
            TestSpecs.of(null, "Night city in the rain, slow pan", seconds, size, null),
            Attachment.Files.NONE)
        .id();
  }

  private int progress(GenerationId id) {
    return jdbc.sql("select progress from generations where id = ?")
        .param(id.value())
        .query(Integer.class)
        .single();
  }

  private String status(GenerationId id) {
    return jdbc.sql("select status from generations where id = ?")
        .param(id.value())
        .query(String.class)
        .single();
  }

  private int attempt(GenerationId id) {
    return jdbc.sql("select attempt from generations where id = ?")
        .param(id.value())
        .query(Integer.class)
        .single();
  }
}
