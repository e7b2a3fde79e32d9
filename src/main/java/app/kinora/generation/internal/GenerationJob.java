package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import app.kinora.safety.FairUse;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import java.util.UUID;
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

  void enqueue(GenerationId id) {
    scheduler.schedule(
        task.instanceBuilder(id.toString())
            .data(id.toString())
            .priority(priority(id))
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

  private int priority(GenerationId id) {
    return jdbc.sql("""
            select g.user_id, (select count(*) from generations o
                                where o.user_id = g.user_id and o.id <> g.id
                                  and o.status in ('QUEUED', 'IN_PROGRESS')) as ahead
              from generations g where g.id = ?""")
        .param(id.value())
        .query((rs, n) -> fairUse.priority(new UserId(rs.getObject(1, UUID.class))) * PRIORITY_STEP
            - (int) Math.min(rs.getLong(2), MAX_RANK))
        .optional()
        .orElse(0);
  }
}
