package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.Lineage;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Holds the price, records the generation and queues its job: all three or none. */
@Component
class GenerationRecorder {

  private final CreditLedger credits;
  private final GenerationStore store;
  private final GenerationJob job;

  GenerationRecorder(CreditLedger credits, GenerationStore store, GenerationJob job) {
    this.credits = credits;
    this.store = store;
    this.job = job;
  }

  @Transactional
  Generation record(UserId owner, VideoSpec<GenerationReferences> spec, Lineage lineage) {
    var generation = Generation.queue(owner, spec, lineage, GenerationStore.now());
    credits.hold(
        owner,
        new HoldId(generation.id().value()),
        GenerationIntake.work(spec),
        generation.id().apiId());
    store.insert(generation);
    job.enqueue(generation.id(), owner);
    return generation;
  }
}
