package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import app.kinora.safety.FairUse;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues generation jobs in the caller's transaction and wakes this node's workers on commit.
 *
 * <p>Fair queueing: a free worker takes the job of highest priority, then the oldest (db-scheduler
 * with priorities, fetching only as many jobs as it has free workers). A job's priority is the
 * operator's priority for its account (× 1000) less the number of the account's jobs already
 * waiting or running when it was queued. So an account's n-th waiting job ranks behind every
 * other account's first: one account's twenty queued jobs delay another account's single job by
 * at most the job each busy worker is on.
 */
@Component
class GenerationJob {

  private static final int PRIORITY_STEP = 1000;
  private static final int MAX_RANK = PRIORITY_STEP - 1;

  private final Scheduler scheduler;
  private final OneTimeTask<String> task;
  private final JdbcClient jdbc;
  private final FairUse fairUse;

  GenerationJob(
      Scheduler scheduler, OneTimeTask<String> generationTask, JdbcClient jdbc, FairUse fairUse) {
    this.scheduler = scheduler;
    this.task = generationTask;
    this.jdbc = jdbc;
    this.fairUse = fairUse;
  }

  /** Queues the job of {@code owner}'s generation {@code id}, ranked for fair queueing. */
  void enqueue(GenerationId id, UserId owner) {
    scheduler.schedule(
        task.instanceBuilder(id.toString())
            .data(id.toString())
            .priority(priority(id, owner))
            .build(),
        Instant.now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          scheduler.triggerCheckForDueExecutions();
        }
      });
    }
  }

  private int priority(GenerationId id, UserId owner) {
    long ahead =
        jdbc.sql("""
            select count(*) from generations
             where user_id = ? and id <> ? and status in ('QUEUED', 'IN_PROGRESS')""").param(owner.value()).param(id.value()).query(Long.class).single();
    return fairUse.priority(owner) * PRIORITY_STEP - (int) Math.min(ahead, MAX_RANK);
  }
}
