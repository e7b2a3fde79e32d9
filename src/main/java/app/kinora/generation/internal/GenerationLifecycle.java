package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.HoldId;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationFailure;
import app.kinora.generation.GenerationId;
import app.kinora.safety.ContentScreening;
import app.kinora.shared.UserId;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A generation's transitions, each in its own transaction with its events. Its end and the end of its credit hold, in one transaction: the hold is captured
 * when the generation completes and released when it fails or its owner cancels it. Completing
 * and failing are fenced by the attempt, so only the run that owns the generation ends the hold —
 * exactly once, even when a node dies between the two (then neither happened, and the next
 * attempt does both).
 */
@Component
class GenerationLifecycle {

  private static final int CANCEL_TRIES = 3;
  static final String OPERATOR_CANCELLED =
      "The operator of this site stopped this video; its credits went back to you.";

  private final GenerationReads reads;
  private final GenerationStore store;
  private final CreditLedger credits;
  private final ContentScreening screening;
  private final RunningLimits limits;

  /** A platform's refusal under its content rules: a strike, as a refusal by screening is. */
  private static final String PLATFORM_REFUSAL = "moderation_blocked";

  GenerationLifecycle(
      GenerationReads reads,
      GenerationStore store,
      CreditLedger credits,
      ContentScreening screening,
      RunningLimits limits) {
    this.screening = screening;
    this.limits = limits;
    this.reads = reads;
    this.store = store;
    this.credits = credits;
  }

  /** A worker claims the generation for a new attempt; empty if it has ended or another worker won. */
  @Transactional
  Optional<Generation> start(GenerationId id) {
    var generation = reads.find(id).filter(g -> !g.status().isTerminal());
    if (generation.isEmpty()) {
      return Optional.empty();
    }
    generation.get().start();
    return store.save(generation.get()) ? generation : Optional.empty();
  }

  /** What a worker's claim found: the generation started, or it must wait, or nothing to do. */
  record Claim(Optional<Generation> started, boolean waits) {}

  /**
   * A worker claims the generation for a new attempt if its account and a platform have room
   * ({@link RunningLimits}); else it stays queued ({@code waits}).
   */
  @Transactional
  Claim claim(GenerationId id) {
    var generation = reads.find(id).filter(g -> !g.status().isTerminal());
    if (generation.isEmpty()) {
      return new Claim(Optional.empty(), false);
    }
    if (!limits.allowStart(generation.get())) {
      return new Claim(Optional.empty(), true);
    }
    generation.get().start();
    return new Claim(store.save(generation.get()) ? generation : Optional.empty(), false);
  }

  @Transactional
  boolean complete(GenerationId id, int attempt, Generation.Output output) {
    var generation = reads.find(id).filter(g -> g.status().isRunning() && g.attempt() == attempt);
    if (generation.isEmpty()) {
      return false;
    }
    generation.get().complete(attempt, output, GenerationStore.now());
    if (!store.save(generation.get())) {
      return false;
    }
    credits.capture(holdOf(id), GenerationIntake.work(generation.get().spec()));
    return true;
  }

  @Transactional
  boolean fail(GenerationId id, int attempt, GenerationFailure failure) {
    var generation = reads.find(id).filter(g -> g.status().isRunning() && g.attempt() == attempt);
    if (generation.isEmpty()) {
      return false;
    }
    generation.get().fail(attempt, failure, GenerationStore.now());
    if (!store.save(generation.get())) {
      return false;
    }
    credits.release(holdOf(id), "Returned: " + failure.message());
    if (PLATFORM_REFUSAL.equals(failure.code())) {
      screening.platformRefused(generation.get().owner(), generation.get().model());
    }
    return true;
  }

  /**
   * The owner cancels: the generation ends and its hold is released, in one transaction. Not
   * fenced by the attempt: whichever attempt runs finds the generation ended at its next progress
   * report and can end nothing; a worker starting an attempt meanwhile makes us read again.
   */
  @Transactional
  boolean cancel(UserId owner, GenerationId id) {
    return cancel(
        () -> reads.findOwned(owner, id),
        GenerationFailure.cancellation(),
        "Returned: cancelled by you");
  }

  /** The operator stops it, whoever owns it; the same ending as the owner's cancel. */
  @Transactional
  boolean cancelByOperator(GenerationId id) {
    return cancel(
        () -> reads.find(id),
        new GenerationFailure(Generation.CANCELLED_CODE, OPERATOR_CANCELLED),
        "Returned: stopped by the site's operator");
  }

  private boolean cancel(
      java.util.function.Supplier<Optional<Generation>> read,
      GenerationFailure cancellation,
      String releaseReason) {
    for (int tries = 0; tries < CANCEL_TRIES; tries++) {
      var generation = read.get().filter(g -> !g.status().isTerminal());
      if (generation.isEmpty()) {
        return false;
      }
      generation.get().cancel(cancellation, GenerationStore.now());
      if (store.save(generation.get())) {
        credits.release(holdOf(generation.get().id()), releaseReason);
        return true;
      }
    }
    return false;
  }

  private static HoldId holdOf(GenerationId id) {
    return new HoldId(id.value());
  }
}
