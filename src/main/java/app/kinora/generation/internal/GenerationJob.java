package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import app.kinora.generation.JobPriority;
import app.kinora.shared.UserId;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Queues generation jobs in the caller's transaction, at the owner's priority, and wakes this
 * node's workers on commit.
 */
@Component
class GenerationJob {

  private final Scheduler scheduler;
  private final OneTimeTask<String> task;
  private final JobPriority priority;

  GenerationJob(
      Scheduler scheduler,
      OneTimeTask<String> generationTask,
      ObjectProvider<JobPriority> priority) {
    this.scheduler = scheduler;
    this.task = generationTask;
    this.priority = priority.getIfAvailable(() -> owner -> JobPriority.NORMAL);
  }

  void enqueue(GenerationId id, UserId owner) {
    scheduler.schedule(task.instanceBuilder(id.toString())
        .data(id.toString())
        .priority(priority.of(owner))
        .scheduledTo(Instant.now()));
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
