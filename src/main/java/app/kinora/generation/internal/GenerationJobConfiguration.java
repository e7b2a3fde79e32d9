package app.kinora.generation.internal;

import app.kinora.generation.GenerationId;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The durable "generation" job, run by db-scheduler on whichever node claims it first. A job
 * whose node dies is revived by another node (or the same one after a restart) once its
 * heartbeats stop; a job that throws (say, stopped by a shutdown) is retried a few times with
 * growing pauses and then its generation is marked failed, so no generation waits forever. A job
 * interrupted because its node is stopping is no failure: the node hands it back as it goes.
 */
@Configuration(proxyBeanMethods = false)
class GenerationJobConfiguration {

  static final String TASK_NAME = "generation";
  static final int MAX_TRIES = 5;

  /** How soon a job that had to wait (its account or its platforms full) is looked at again. */
  static final Duration WAIT = Duration.ofSeconds(2);

  @Bean
  OneTimeTask<String> generationTask(GenerationWorker worker) {
    return new OneTimeTask<>(
        TASK_NAME,
        String.class,
        new RetryThenAbandon(worker),
        new DeadExecutionHandler.ReviveDeadExecution<>()) {

      @Override
      public CompletionHandler<String> execute(
          TaskInstance<String> instance, ExecutionContext context) {
        if (worker.run(idOf(instance.getData()))) {
          return new CompletionHandler.OnCompleteRemove<>();
        }
        // still queued: the same execution, with its priority, comes due again shortly
        return (complete, operations) ->
            operations.reschedule(complete, Instant.now().plus(WAIT));
      }

      @Override
      public void executeOnce(TaskInstance<String> instance, ExecutionContext context) {
        throw new UnsupportedOperationException("execute runs the job");
      }
    };
  }

  private static GenerationId idOf(String data) {
    return new GenerationId(UUID.fromString(data));
  }

  private record RetryThenAbandon(GenerationWorker worker) implements FailureHandler<String> {

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
      if (Thread.currentThread().isInterrupted()) {
        // the node is draining: it hands the claim back as it stops, without counting a failure
        return;
      }
      int tries = complete.getExecution().consecutiveFailures + 1;
      if (tries >= MAX_TRIES) {
        worker.abandon(idOf((String) complete.getExecution().taskInstance.getData()));
        operations.stop();
      } else {
        operations.reschedule(complete, Instant.now().plus(Duration.ofSeconds(2L * tries)));
      }
    }
  }
}
