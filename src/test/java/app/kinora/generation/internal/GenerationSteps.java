package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.generation.GenerationReferences;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The generation's transitions one at a time, so a test can play the worker and the scheduler. */
@Component
class GenerationSteps {

  private final GenerationLifecycle lifecycle;
  private final GenerationReads reads;
  private final GenerationStore store;
  private final TransactionTemplate transactions;

  GenerationSteps(
      GenerationLifecycle lifecycle,
      GenerationReads reads,
      GenerationStore store,
      TransactionTemplate transactions) {
    this.lifecycle = lifecycle;
    this.reads = reads;
    this.store = store;
    this.transactions = transactions;
  }

  /** A queued 2 s 480x480 generation of the user's, not yet stored. */
  static Generation queued(UserId user) {
    return Generation.queue(
        user,
        VideoSpec.<GenerationReferences>builder()
            .model("kinora-local")
            .prompt("Test pattern")
            .duration(Duration.ofSeconds(2))
            .size(new VideoSize(480, 480))
            .framesPerSecond(30)
            .seed(5L)
            .generateAudio(true)
            .caption(true)
            .promptInCredentials(false)
            .references(GenerationReferences.NONE)
            .build(),
        null,
        GenerationStore.now());
  }

  /** What the intake stores, without a hold or a job. */
  void insert(Generation generation) {
    transactions.executeWithoutResult(tx -> store.insert(generation));
  }

  Optional<Generation> find(GenerationId id) {
    return reads.find(id);
  }

  Optional<Integer> startAttempt(GenerationId id) {
    return lifecycle.start(id).map(Generation::attempt);
  }

  boolean progress(GenerationId id, int attempt, int percent) {
    return store.progress(id, attempt, percent);
  }

  boolean complete(GenerationId id, int attempt, Generation.Output output) {
    return lifecycle.complete(id, attempt, output);
  }

  boolean fail(GenerationId id, int attempt, GenerationFailure failure) {
    return lifecycle.fail(id, attempt, failure);
  }
}
