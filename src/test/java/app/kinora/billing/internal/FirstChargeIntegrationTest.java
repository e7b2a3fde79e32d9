package app.kinora.billing.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.BillingProperties;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.PriceRequest;
import app.kinora.generation.GenerationId;
import app.kinora.generation.Generations;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An account's first charge, many at once: billing opens the account on first use, and concurrent
 * first uses must all find it opened — once, with the starter credits once.
 */
class FirstChargeIntegrationTest extends IntegrationTest {

  private static final int PARALLEL = 40;
  private static final PriceRequest TWO_SECONDS =
      new PriceRequest("kinora-local", 2, new VideoSize(480, 480), false);

  @Autowired
  CreditLedger ledger;

  @Autowired
  BillingProperties properties;

  @Autowired
  Generations generations;

  @Autowired
  JdbcClient jdbc;

  @Test
  void concurrentFirstUsesOfANeverChargedAccountAllSeeItOpenedOnce() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");

    var answers = all(
        PARALLEL,
        i -> i % 2 == 0 ? ledger.balance(user).available() : ledger.affordable(user, TWO_SECONDS));

    assertThat(answers).hasSize(PARALLEL);
    assertThat(count(jdbc, user, "grant")).isEqualTo(1);
    assertThat(ledger.balance(user).available()).isEqualTo(Credits.of(properties.starterCredits()));
    assertLedgerReconciles(jdbc);
  }

  @Test
  void fortyParallelVideosFromANeverChargedAccountAreEachAcceptedOrRefusedForCredits()
      throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var replies = all(
        PARALLEL,
        i -> api.postJson(
            "/v1/videos", Map.of("prompt", "First light " + i, "seconds", "2", "size", "480x480")));

    try {
      assertThat(replies)
          .extracting(ApiClient.Reply::status)
          .allMatch(status -> status == 200 || status == 402, "200 or 402, never 500");
      assertThat(replies).extracting(ApiClient.Reply::status).contains(200);
      assertThat(count(jdbc, user, "grant")).isEqualTo(1);
      assertLedgerReconciles(jdbc);
    } finally {
      stop(user, replies);
    }
  }

  /** Runs the calls at once (released together) and returns their results; fails with the first exception. */
  private static <T> List<T> all(int calls, IndexedCall<T> call) throws Exception {
    var start = new CountDownLatch(1);
    var futures = new ArrayList<Future<T>>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < calls; i++) {
        int index = i;
        futures.add(threads.submit((Callable<T>) () -> {
          start.await();
          return call.call(index);
        }));
      }
      start.countDown();
    }
    var results = new ArrayList<T>();
    for (var future : futures) {
      results.add(future.get());
    }
    return results;
  }

  @FunctionalInterface
  private interface IndexedCall<T> {
    T call(int index) throws Exception;
  }

  /** The accepted videos are cancelled: the test is about their charges, not their renders. */
  private void stop(UserId user, List<ApiClient.Reply> replies) {
    replies.stream()
        .filter(reply -> reply.status() == 200)
        .forEach(reply -> generations.cancel(
            user, GenerationId.fromApiId(reply.json().path("id").asString())));
    assertLedgerReconciles(jdbc);
  }
}
