package app.kinora.generation.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.shared.VideoSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Many submissions at once against one balance, through the HTTP API and the real database. */
class ConcurrentSubmissionIntegrationTest extends IntegrationTest {

  private static final int SUBMISSIONS = 200;
  private static final int AFFORDABLE = 37;

  @Autowired
  CreditLedger ledger;

  @Autowired
  GenerationSteps repository;

  @Autowired
  JdbcClient jdbc;

  @Test
  void twoHundredParallelSubmissionsAgainstCreditsForThirtySevenAcceptExactlyThirtySeven()
      throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));
    var price = ledger.quote(new PriceRequest("kinora-local", 2, new VideoSize(480, 480), true));
    var balance = ledger.balance(user).balance();
    ledger.adjust(
        user,
        Credits.of(AFFORDABLE * price.value()).minus(balance),
        "exactly 37 videos",
        "operator:test");

    var negativeSeen = new AtomicBoolean();
    var watching = new AtomicBoolean(true);
    var watcher = Thread.ofVirtual().start(() -> {
      while (watching.get()) {
        var available = jdbc.sql("select balance - held from credit_accounts where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single();
        negativeSeen.compareAndSet(false, available < 0);
      }
    });

    var start = new CountDownLatch(1);
    var replies = new ArrayList<Future<ApiClient.Reply>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < SUBMISSIONS; i++) {
        var prompt = "Parallel lantern " + i;
        replies.add(threads.submit(() -> {
          start.await();
          return api.postJson(
              "/v1/videos", Map.of("prompt", prompt, "seconds", "2", "size", "480x480"));
        }));
      }
      start.countDown();
    }
    watching.set(false);
    watcher.join();

    var accepted = new ArrayList<String>();
    var refused = new ConcurrentLinkedQueue<ApiClient.Reply>();
    for (var reply : replies) {
      var r = reply.get();
      if (r.status() == 200) {
        accepted.add(r.json().path("id").asString());
        assertThat(r.json().path("credits").asLong()).isEqualTo(price.value());
      } else {
        refused.add(r);
      }
    }
    try {
      assertThat(accepted).hasSize(AFFORDABLE);
      assertThat(refused).hasSize(SUBMISSIONS - AFFORDABLE).allSatisfy(r -> {
        assertThat(r.status()).isEqualTo(402);
        assertThat(r.json().path("error").path("code").asString())
            .isEqualTo("insufficient_credits");
        assertThat(r.json().path("error").path("message").asString())
            .contains("Insufficient credits");
      });
      assertThat(negativeSeen).isFalse();
      var after = ledger.balance(user);
      assertThat(after.available()).isEqualTo(Credits.ZERO);
      // held and captures read in one statement, so one snapshot: renders may finish meanwhile
      var snapshot = jdbc.sql("""
              select a.held, (select count(*) from credit_entries e where e.user_id = a.user_id and e.kind = 'capture')
                from credit_accounts a where a.user_id = ?""")
          .param(user.value())
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
          .single();
      assertThat(snapshot[0]).isEqualTo(price.value() * (AFFORDABLE - snapshot[1]));
      assertThat(count(jdbc, user, "hold")).isEqualTo(AFFORDABLE);
      assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
              .param(user.value())
              .query(Long.class)
              .single())
          .isEqualTo(AFFORDABLE);
      assertLedgerReconciles(jdbc);
    } finally {
      stopRenders(accepted);
    }
  }

  /** Spares the shared workers 37 renders: unstarted jobs are dropped and their holds released. */
  private void stopRenders(List<String> accepted) {
    for (var apiId : accepted) {
      var id = GenerationId.fromApiId(apiId);
      jdbc.sql(
              "delete from scheduled_tasks where task_name = 'generation' and task_instance = ? and picked = false")
          .param(id.toString())
          .update();
      repository
          .startAttempt(id)
          .ifPresent(attempt -> repository.fail(
              id, attempt, new GenerationFailure("cancelled", "Stopped by the test.")));
    }
    assertLedgerReconciles(jdbc);
  }
}
