package app.kinora.generation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.media.SpriteSheet;
import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The aggregate's transitions: which changes it allows, what it refuses, the events it registers. */
class GenerationUnitTest {

  private static final Instant QUEUED_AT = Instant.parse("2030-01-01T10:00:00Z");
  private static final Instant ENDED_AT = QUEUED_AT.plusSeconds(30);
  private static final UserId OWNER = new UserId(UUID.randomUUID());

  @Test
  void aQueuedGenerationWaitsWithoutAnAttemptAndSaysSo() {
    var generation = queued();

    assertThat(generation.status()).isEqualTo(GenerationStatus.QUEUED);
    assertThat(generation.attempt()).isZero();
    assertThat(generation.events()).singleElement().isInstanceOf(GenerationQueued.class);
  }

  @Test
  void eachStartIsANewAttemptEvenWhileAnEarlierOneRuns() {
    var generation = queued();

    assertThat(generation.start()).isEqualTo(1);
    assertThat(generation.start()).isEqualTo(2);

    assertThat(generation.status()).isEqualTo(GenerationStatus.IN_PROGRESS);
    assertThat(generation.progress()).isZero();
    assertThat(generation.events())
        .filteredOn(GenerationStarted.class::isInstance)
        .extracting(event -> ((GenerationStarted) event).attempt())
        .containsExactly(1, 2);
    assertThat(generation.stateAsRead().status())
        .as("the state as read stays what the row held")
        .isEqualTo(GenerationStatus.QUEUED);
  }

  @Test
  void theRunningAttemptCompletesItWithItsOutput() {
    var generation = queued();
    int attempt = generation.start();

    generation.complete(attempt, output(), ENDED_AT);

    assertThat(generation.isCompleted()).isTrue();
    assertThat(generation.progress()).isEqualTo(100);
    assertThat(generation.completedAt()).isEqualTo(ENDED_AT);
    assertThat(generation.outputIfAny()).contains(output());
    assertThat(generation.spriteSheet()).isEqualTo(output().spriteSheet());
    assertThat(generation.failureIfAny()).isEmpty();
    assertThat(generation.events().getLast()).isInstanceOf(GenerationCompleted.class);
  }

  @Test
  void anOlderAttemptCannotCompleteAndTheRefusalNamesTheCurrentState() {
    var generation = queued();
    generation.start();
    generation.start();

    assertThatThrownBy(() -> generation.complete(1, output(), ENDED_AT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Cannot complete generation %s: it is in_progress (attempt 2)."
            .formatted(generation.id()));
    assertThat(generation.status()).isEqualTo(GenerationStatus.IN_PROGRESS);
  }

  @Test
  void aQueuedGenerationCanNeitherCompleteNorFail() {
    var generation = queued();

    assertThatThrownBy(() -> generation.complete(0, output(), ENDED_AT))
        .hasMessageContaining("it is queued");
    assertThatThrownBy(() -> generation.fail(0, failure(), ENDED_AT))
        .hasMessageContaining("Cannot fail generation");
  }

  @Test
  void aFailureKeepsTheProgressMadeAndTellsWhy() {
    var generation = queued();
    int attempt = generation.start();

    generation.fail(attempt, failure(), ENDED_AT);

    assertThat(generation.status()).isEqualTo(GenerationStatus.FAILED);
    assertThat(generation.failure()).isEqualTo(failure());
    assertThat(generation.completedAt()).isEqualTo(ENDED_AT);
    assertThat(generation.outputIfAny()).isEmpty();
    assertThat(generation.events().getLast()).isInstanceOf(GenerationFailed.class);
  }

  @Test
  void itsOwnerCancelsItQueuedOrRunningButNotOnceEnded() {
    var waiting = queued();
    waiting.cancel(ENDED_AT);
    assertThat(waiting.failure()).isEqualTo(GenerationFailure.cancellation());
    assertThat(waiting.status()).isEqualTo(GenerationStatus.FAILED);

    var running = queued();
    running.start();
    running.cancel(ENDED_AT);
    assertThat(running.failure().isCancellation()).isTrue();

    var completed = completed();
    assertThatThrownBy(() -> completed.cancel(ENDED_AT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot cancel generation")
        .hasMessageContaining("it is completed (attempt 1)");
    assertThatThrownBy(completed::start).hasMessageContaining("Cannot start generation");
  }

  @Test
  void aCancellationMustCarryTheCancelledCode() {
    var generation = queued();

    assertThatThrownBy(() -> generation.cancel(failure(), ENDED_AT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(generation.status()).isEqualTo(GenerationStatus.QUEUED);
  }

  @Test
  void onlyAnEndedGenerationIsDeletedAndItsFilesGoWithIt() {
    var running = queued();
    running.start();
    assertThatThrownBy(running::delete).hasMessageContaining("Cannot delete generation");

    var completed = completed();
    completed.delete();
    assertThat(completed.events().getLast())
        .isEqualTo(new GenerationDeleted(completed.id(), OWNER, output().keys()));

    var cancelled = queued();
    cancelled.cancel(ENDED_AT);
    cancelled.delete();
    assertThat(cancelled.events().getLast())
        .isEqualTo(new GenerationDeleted(cancelled.id(), OWNER, List.of()));
  }

  private static Generation queued() {
    return Generation.queue(
        OWNER, TestSpecs.of(null, "Rain over a harbour", "4", "1280x720", 7L), null, QUEUED_AT);
  }

  private static Generation completed() {
    var generation = queued();
    generation.complete(generation.start(), output(), ENDED_AT);
    return generation;
  }

  private static GenerationFailure failure() {
    return new GenerationFailure("provider_error", "The provider could not make this video.");
  }

  private static Generation.Output output() {
    return new Generation.Output(
        "videos/a.mp4",
        1024,
        "videos/a-poster.jpg",
        "videos/a-sprite.jpg",
        new SpriteSheet(5, 4, 192, 108, Duration.ofMillis(200)));
  }
}
