package app.kinora.generation.internal;

import static app.kinora.billing.LedgerAssertions.assertLedgerReconciles;
import static app.kinora.billing.LedgerAssertions.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.billing.CreditLedger;
import app.kinora.billing.Credits;
import app.kinora.billing.HoldId;
import app.kinora.billing.InsufficientCredits;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** A generation's credit hold: placed with it, ended exactly once with its terminal state. */
class GenerationBillingIntegrationTest extends IntegrationTest {

  @Autowired
  Generations generations;

  @Autowired
  GenerationSteps repository;

  @Autowired
  GenerationStore store;

  @Autowired
  CreditLedger ledger;

  @Autowired
  Scheduler scheduler;

  @Autowired
  OneTimeTask<String> generationTask;

  @Autowired
  TransactionTemplate transactions;

  @Autowired
  JdbcClient jdbc;

  @AfterEach
  void cachedSumsAlwaysMatchTheLedger() {
    assertLedgerReconciles(jdbc);
  }

  @Test
  void holdsTheQuoteOnSubmitAndCapturesItWhenTheVideoIsDone() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var start = ledger.balance(user);

    var generation = generations.submit(
        user,
        TestSpecs.of(null, "Rain over a harbour", "2", "480x480", null),
        Attachment.Files.NONE);
    var hold = new HoldId(generation.id().value());
    var quote = ledger.charges(java.util.List.of(hold)).get(hold).quoted();
    assertThat(quote).isEqualTo(ledger.quote(GenerationIntake.work(generation.spec())));

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> generations.find(user, generation.id()).orElseThrow().status()
            == GenerationStatus.COMPLETED);

    var end = ledger.balance(user);
    assertThat(end.held()).isEqualTo(Credits.ZERO);
    assertThat(end.balance()).isEqualTo(start.balance().minus(quote));
    assertThat(count(jdbc, user, "capture")).isEqualTo(1);
    assertThat(count(jdbc, user, "release")).isZero();
  }

  @Test
  void refusesASubmissionTheCreditsDoNotCoverAndInsertsNothing() {
    var user = TestAccounts.newUser(jdbc, "USER");
    ledger.adjust(
        user, Credits.of(1).minus(ledger.balance(user).balance()), "leave 1", "operator:test");

    assertThatThrownBy(() -> generations.submit(
            user, TestSpecs.of(null, "Too dear", "4", "1280x720", null), Attachment.Files.NONE))
        .isInstanceOf(InsufficientCredits.class);

    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
    assertThat(jdbc.sql(
                "select count(*) from scheduled_tasks where task_name = 'generation' and task_instance in "
                    + "(select id::text from generations where user_id = ?)")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void releasesTheHoldWhenTheGenerationFailsAndKeepsTheReason() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user);
    var id = insertWithHold(user);
    var attempt = repository.startAttempt(id).orElseThrow();

    assertThat(repository.fail(
            id, attempt, new GenerationFailure("provider_error", "The provider gave up.")))
        .isTrue();
    assertThat(repository.fail(id, attempt, new GenerationFailure("provider_error", "again")))
        .isFalse();
    assertThat(repository.complete(id, attempt, output())).isFalse();

    assertThat(ledger.balance(user)).isEqualTo(before);
    assertThat(count(jdbc, user, "release")).isEqualTo(1);
    assertThat(count(jdbc, user, "capture")).isZero();
    assertThat(jdbc.sql("select reason from credit_entries where user_id = ? and kind = 'release'")
            .param(user.value())
            .query(String.class)
            .single())
        .contains("The provider gave up.");
  }

  @Test
  void aStaleAttemptEndsNoHold() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var id = insertWithHold(user);
    var stale = repository.startAttempt(id).orElseThrow();
    var current = repository.startAttempt(id).orElseThrow();

    assertThat(repository.fail(id, stale, new GenerationFailure("x", "stale run")))
        .isFalse();
    assertThat(count(jdbc, user, "release")).isZero();
    assertThat(repository.complete(id, current, output())).isTrue();
    assertThat(count(jdbc, user, "capture")).isEqualTo(1);
  }

  @Test
  void aHoldEndsExactlyOnceWhenTheNodeRunningItDies() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user);
    var id = insertWithHold(user);
    var quote = ledger.balance(user).held();
    // A node claimed the job, started attempt 1, then died (kill -9): its heartbeat stopped long
    // ago.
    assertThat(repository.startAttempt(id)).hasValue(1);
    repository.progress(id, 1, 40);
    scheduler.schedule(
        generationTask.instance(id.toString(), id.toString()),
        Instant.now().plus(1, ChronoUnit.DAYS));
    jdbc.sql("""
            update scheduled_tasks
               set picked = true, picked_by = 'crashed-node', execution_time = now() - interval '1 minute',
                   last_heartbeat = now() - interval '10 minutes'
             where task_name = 'generation' and task_instance = ?""").param(id.toString()).update();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> repository.find(id).orElseThrow().status() == GenerationStatus.COMPLETED);

    assertThat(jdbc.sql("select attempt from generations where id = ?")
            .param(id.value())
            .query(Integer.class)
            .single())
        .isEqualTo(2);
    // the dead attempt, were it to wake up, can end nothing
    assertThat(repository.fail(id, 1, new GenerationFailure("x", "zombie"))).isFalse();
    assertThat(count(jdbc, user, "capture")).isEqualTo(1);
    assertThat(count(jdbc, user, "release")).isZero();
    assertThat(ledger.balance(user).held()).isEqualTo(Credits.ZERO);
    assertThat(ledger.balance(user).balance()).isEqualTo(before.balance().minus(quote));
  }

  @Test
  void cancellingAQueuedGenerationReleasesItsHoldOnceAndItNeverStarts() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user);
    var id = insertWithHold(user);

    assertThat(generations.cancel(TestAccounts.newUser(jdbc, "USER"), id))
        .as("another user's id")
        .isFalse();
    assertThat(generations.cancel(user, id)).isTrue();
    assertThat(generations.cancel(user, id)).as("once").isFalse();

    var cancelled = repository.find(id).orElseThrow();
    assertThat(cancelled.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(cancelled.failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.isCancellation()).isTrue());
    assertThat(repository.startAttempt(id))
        .as("a late job delivery starts nothing")
        .isEmpty();
    assertThat(count(jdbc, user, "release")).isEqualTo(1);
    assertThat(count(jdbc, user, "capture")).isZero();
    assertThat(ledger.balance(user)).isEqualTo(before);
  }

  @Test
  void cancellingARunningRenderStopsItAndNothingIsCaptured() {
    var user = TestAccounts.newUser(jdbc, "USER");
    var before = ledger.balance(user);
    var generation = generations.submit(
        user,
        TestSpecs.of(null, "Long night drive, slow pan", "20", "1920x1080", null),
        Attachment.Files.NONE);
    var id = generation.id();
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> repository.find(id).orElseThrow().progress() > 0);

    assertThat(generations.cancel(user, id)).isTrue();

    // the render notices at its next frame and stops: no output is stored, nothing is charged
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> count(jdbc, user, "capture") == 0);
    var ended = repository.find(id).orElseThrow();
    assertThat(ended.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(ended.failureIfAny())
        .hasValueSatisfying(f -> assertThat(f.isCancellation()).isTrue());
    assertThat(jdbc.sql("select output_key from generations where id = ?")
            .param(id.value())
            .query(String.class)
            .optional())
        .isEmpty();
    assertThat(count(jdbc, user, "release")).isEqualTo(1);
    assertThat(ledger.balance(user)).isEqualTo(before);
  }

  /** What submit does, without queueing the job, so the test can play the scheduler. */
  private GenerationId insertWithHold(UserId user) {
    var generation = GenerationSteps.queued(user);
    transactions.executeWithoutResult(tx -> {
      ledger.hold(
          user,
          new HoldId(generation.id().value()),
          GenerationIntake.work(generation.spec()),
          generation.id().apiId());
      store.insert(generation);
    });
    return generation.id();
  }

  private static Generation.Output output() {
    return new Generation.Output(
        "videos/none.mp4",
        1,
        "videos/none-poster.jpg",
        "videos/none-sprite.jpg",
        new app.kinora.media.SpriteSheet(5, 4, 192, 108, Duration.ofMillis(100)));
  }
}
