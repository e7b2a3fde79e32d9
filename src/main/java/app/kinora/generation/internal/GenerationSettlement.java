package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.billing.PriceRequest;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationId;
import app.kinora.shared.UserId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A generation's terminal transition and the end of its credit hold, in one transaction: the
 * hold is captured when the generation completes and released when it fails or its owner
 * cancels it. The transition is
 * fenced by the attempt, so only the run that owns the generation ends the hold — exactly once,
 * even when a node dies between the two (then neither happened, and the next attempt does both).
 */
@Component
class GenerationSettlement {

  private final GenerationRepository repository;
  private final CreditLedger credits;

  GenerationSettlement(GenerationRepository repository, CreditLedger credits) {
    this.repository = repository;
    this.credits = credits;
  }

  @Transactional
  boolean complete(Generation generation, int attempt, GenerationRepository.StoredOutput output) {
    if (!repository.complete(generation.id(), attempt, output)) {
      return false;
    }
    credits.capture(holdOf(generation.id()), work(generation));
    return true;
  }

  @Transactional
  boolean fail(GenerationId id, int attempt, Generation.Failure failure) {
    if (!repository.fail(id, attempt, failure)) {
      return false;
    }
    credits.release(holdOf(id), "Returned: " + failure.message());
    return true;
  }

  /** The owner cancels: the generation ends and its hold is released, in one transaction. */
  @Transactional
  boolean cancel(UserId owner, GenerationId id) {
    if (!repository.cancel(owner, id)) {
      return false;
    }
    credits.release(holdOf(id), "Returned: cancelled by you");
    return true;
  }

  /** The work a generation asks for, as billing prices it. */
  static PriceRequest work(Generation generation) {
    return new PriceRequest(generation.model(), generation.seconds(), generation.size(), generation.generateAudio());
  }

  private static HoldId holdOf(GenerationId id) {
    return new HoldId(id.value());
  }
}
