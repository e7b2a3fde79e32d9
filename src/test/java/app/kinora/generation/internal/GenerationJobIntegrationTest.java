package app.kinora.generation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.kinora.IntegrationTest;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationStatus;
import app.kinora.media.SpriteSheet;
import app.kinora.platform.PlatformProperties;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The generation job against the real scheduler tables: crash recovery and fencing. */
class GenerationJobIntegrationTest extends IntegrationTest {

  @Autowired
  GenerationSteps repository;

  @Autowired
  GenerationJob job;

  @Autowired
  Scheduler scheduler;

  @Autowired
  OneTimeTask<String> generationTask;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PlatformProperties properties;

  @Test
  void runsAQueuedJobToCompletionWithProgressAlongTheWay() {
    var id = insertQueued();
    var seen = new java.util.concurrent.ConcurrentSkipListSet<Integer>();
    job.enqueue(id, UserId.random());

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
      var generation = repository.find(id).orElseThrow();
      seen.add(generation.progress());
      return generation.status() == GenerationStatus.COMPLETED;
    });

    assertThat(seen).contains(100).hasSizeGreaterThan(2);
    assertThat(jdbc.sql(
                "select started_at is not null and completed_at >= started_at from generations where id = ?")
            .param(id.value())
            .query(Boolean.class)
            .single())
        .isTrue();
  }

  @Test
  void revivesAJobWhoseNodeDiedMidRenderAndCompletesItOnce() {
    var id = insertQueued();
    // A node claimed the job, started attempt 1, then died: its heartbeat stopped long ago.
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

    awaitStatus(id, GenerationStatus.COMPLETED);

    assertThat(jdbc.sql("select attempt from generations where id = ?")
            .param(id.value())
            .query(Integer.class)
            .single())
        .isEqualTo(2);
    // the scheduler removes the execution just after the worker has recorded the result
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                .param(id.toString())
                .query(Integer.class)
                .single()
            == 0);
  }

  @Test
  void aJobWhoseNodeFellSilentIsTakenByAnotherNodeWithinTheHeartbeatBound() {
    var id = insertQueued();
    // A node claimed the job, started attempt 1, heartbeat once just now, then fell silent (a
    // process that no longer runs its heartbeats: killed, or frozen as a whole).
    assertThat(repository.startAttempt(id)).hasValue(1);
    scheduler.schedule(
        generationTask.instance(id.toString(), id.toString()),
        Instant.now().plus(1, ChronoUnit.DAYS));
    jdbc.sql("""
            update scheduled_tasks
               set picked = true, picked_by = 'silent-node', execution_time = now() - interval '1 second',
                   last_heartbeat = now()
             where task_name = 'generation' and task_instance = ?""").param(id.toString()).update();
    var silentSince = Instant.now();
    var jobs = properties.jobs();
    // dead once missed-heartbeats intervals have passed; every node looks for dead jobs every two
    // intervals; the revived job is due at once and taken at the next poll
    var dead = jobs.heartbeatInterval().multipliedBy(jobs.missedHeartbeats());
    var bound = dead.plus(jobs.heartbeatInterval().multipliedBy(2)).plus(jobs.pollingInterval());
    var slack = Duration.ofSeconds(5); // a busy shared machine

    // revived: the silent node's claim is gone (free workers or not, this node does this on time)
    await()
        .atMost(bound.plus(slack))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> jdbc.sql("""
                select count(*) from scheduled_tasks
                 where task_instance = ? and picked_by = 'silent-node'""").param(id.toString()).query(Integer.class).single() == 0);
    var revivedAfter = Duration.between(silentSince, Instant.now());

    assertThat(revivedAfter)
        .as("not before its heartbeats were missed, and within the bound")
        .isGreaterThanOrEqualTo(dead.minusSeconds(1))
        .isLessThanOrEqualTo(bound.plus(slack));
    awaitStatus(id, GenerationStatus.COMPLETED);
    assertThat(jdbc.sql("select attempt from generations where id = ?")
            .param(id.value())
            .query(Integer.class)
            .single())
        .as("the silent node's attempt, then this node's")
        .isEqualTo(2);
  }

  @Test
  void aStaleAttemptCanNeitherReportNorFinish() {
    var id = insertQueued();
    var stale = repository.startAttempt(id).orElseThrow();
    var current = repository.startAttempt(id).orElseThrow();

    assertThat(repository.progress(id, stale, 50)).isFalse();
    assertThat(repository.complete(id, stale, output("stale"))).isFalse();
    assertThat(repository.complete(id, current, output("current"))).isTrue();
    assertThat(repository.fail(id, current, new GenerationFailure("x", "y"))).isFalse();
    assertThat(repository.startAttempt(id)).isEmpty();
  }

  @Test
  void aRepeatedDeliveryOfAFinishedJobChangesNothing() {
    var id = insertQueued();
    job.enqueue(id, UserId.random());
    awaitStatus(id, GenerationStatus.COMPLETED);
    var before = repository.find(id).orElseThrow();

    job.enqueue(id, UserId.random());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?")
                .param(id.toString())
                .query(Integer.class)
                .single()
            == 0);

    assertThat(repository.find(id).orElseThrow()).isEqualTo(before);
  }

  private GenerationId insertQueued() {
    var generation = GenerationSteps.queued(UserId.random());
    repository.insert(generation);
    return generation.id();
  }

  private static Generation.Output output(String name) {
    return new Generation.Output(
        "videos/" + name + ".mp4",
        1,
        "videos/" + name + "-poster.jpg",
        "videos/" + name + "-sprite.jpg",
        new SpriteSheet(5, 4, 192, 108, Duration.ofMillis(100)));
  }

  private void awaitStatus(GenerationId id, GenerationStatus status) {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> repository.find(id).orElseThrow().status(), s -> s == status);
  }
}
