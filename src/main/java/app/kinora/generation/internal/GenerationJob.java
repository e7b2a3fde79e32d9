package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Queues generation jobs in the caller's transaction and wakes this node's workers on commit. */
@Component
class GenerationJob {

  private final Scheduler scheduler;
  private final OneTimeTask<String> task;

  GenerationJob(Scheduler scheduler, OneTimeTask<String> generationTask) {
    this.scheduler = scheduler;
    this.task = generationTask;
  }

  void enqueue(GenerationId id) {
    scheduler.schedule(task.instance(id.toString(), id.toString()), Instant.now());
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          scheduler.triggerCheckForDueExecutions();
        }
      });
    }
  }
}
