package app.kinora.generation;

import app.kinora.media.SpriteSheet;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request for a video and what became of it: queued, then running in numbered attempts, then
 * completed or failed (a cancellation is a failure with the code {@code cancelled}). Each change
 * is one method: {@link GenerationState} refuses an illegal move, naming the current state, and
 * the generation registers the event that tells the other modules; the repository stores the
 * change only if nobody changed the generation since it was read, and only then publishes the
 * events.
 */
public final class Generation {

  public static final String CANCELLED_CODE = "cancelled";
  public static final String CANCELLED_MESSAGE =
      "You cancelled this video; its credits went back to you.";

  private final GenerationId id;
  private final UserId owner;
  private final VideoSpec<GenerationReferences> spec;
  private final Instant createdAt;
  private final Lineage lineage;
  private final GenerationState read;
  private GenerationState state;
  private final List<Object> events = new ArrayList<>();

  /** The stored files of a completed generation (media's keys) and its sprite sheet's layout. */
  public record Output(
      String videoKey,
      long videoBytes,
      String posterKey,
      String spriteKey,
      SpriteSheet spriteSheet) {

    public List<String> keys() {
      return List.of(videoKey, posterKey, spriteKey);
    }
  }

  /** A generation as stored; {@code lineage} is null unless it was made from another video. */
  public Generation(
      GenerationId id,
      UserId owner,
      VideoSpec<GenerationReferences> spec,
      Instant createdAt,
      Lineage lineage,
      GenerationState state) {
    this.id = Objects.requireNonNull(id, "id");
    this.owner = Objects.requireNonNull(owner, "owner");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.lineage = lineage;
    this.read = Objects.requireNonNull(state, "state");
    this.state = state;
  }

  /** A new generation, waiting for a worker; {@code lineage} null for a video made from scratch. */
  public static Generation queue(
      UserId owner, VideoSpec<GenerationReferences> spec, Lineage lineage, Instant now) {
    var generation =
        new Generation(GenerationId.random(), owner, spec, now, lineage, GenerationState.queued());
    generation.events.add(new GenerationQueued(generation.id, owner, spec, now));
    return generation;
  }

  /** A worker takes it: a new attempt begins (the previous one, if any, died with its node). */
  public int start() {
    state = state.started(id);
    events.add(new GenerationStarted(id, owner, spec, createdAt, state.attempt()));
    return state.attempt();
  }

  /** The attempt that runs it finished the video, stored as {@code output}. */
  public void complete(int attempt, Output output, Instant now) {
    state = state.completed(id, attempt, output, now);
    events.add(new GenerationCompleted(id, owner, spec, output, createdAt, now));
  }

  /** The attempt that runs it could not make the video. */
  public void fail(int attempt, GenerationFailure failure, Instant now) {
    state = state.failed(id, attempt, failure, now);
    events.add(new GenerationFailed(id, owner, spec, failure, createdAt, now));
  }

  /** Its owner stops it before it ends, whichever attempt runs it. */
  public void cancel(Instant now) {
    cancel(GenerationFailure.cancellation(), now);
  }

  /** Someone stops it before it ends, saying why ({@code cancellation} must be a cancellation). */
  public void cancel(GenerationFailure cancellation, Instant now) {
    state = state.cancelled(id, cancellation, now);
    events.add(new GenerationFailed(id, owner, spec, cancellation, createdAt, now));
  }

  /** Its owner deletes it with its files; only once it has ended. */
  public void delete() {
    state.requireDeletable(id);
    events.add(new GenerationDeleted(
        id, owner, state.output() == null ? List.of() : state.output().keys()));
  }

  /** The events registered since it was read, in order; the repository publishes them once stored. */
  public List<Object> events() {
    return List.copyOf(events);
  }

  /** The state as it was read, which the stored row must still have for a change to apply. */
  public GenerationState stateAsRead() {
    return read;
  }

  public GenerationState state() {
    return state;
  }

  public GenerationId id() {
    return id;
  }

  public UserId owner() {
    return owner;
  }

  public VideoSpec<GenerationReferences> spec() {
    return spec;
  }

  public Instant createdAt() {
    return createdAt;
  }

  /** The video it was made from, if any. */
  public Optional<Lineage> lineage() {
    return Optional.ofNullable(lineage);
  }

  /** How long its output lasts: its own seconds, after its source's for an extension. */
  public int outputSeconds() {
    return lineage == null ? seconds() : lineage.outputSeconds(seconds());
  }

  public GenerationStatus status() {
    return state.status();
  }

  public int attempt() {
    return state.attempt();
  }

  public int progress() {
    return state.progress();
  }

  public Instant completedAt() {
    return state.completedAt();
  }

  /** Why it failed, or null. */
  public GenerationFailure failure() {
    return state.failure();
  }

  public Optional<GenerationFailure> failureIfAny() {
    return Optional.ofNullable(state.failure());
  }

  public Optional<Output> outputIfAny() {
    return Optional.ofNullable(state.output());
  }

  public boolean isCompleted() {
    return state.status() == GenerationStatus.COMPLETED;
  }

  /** The sprite sheet's layout once completed, for players that scrub. */
  public SpriteSheet spriteSheet() {
    return state.output() == null ? null : state.output().spriteSheet();
  }

  public String model() {
    return spec.model();
  }

  public String prompt() {
    return spec.prompt();
  }

  public int seconds() {
    return spec.seconds();
  }

  public VideoSize size() {
    return spec.size();
  }

  /** Equal when the same generation is in the same state (events registered since do not count). */
  @Override
  public boolean equals(Object other) {
    return other instanceof Generation that
        && id.equals(that.id)
        && owner.equals(that.owner)
        && spec.equals(that.spec)
        && createdAt.equals(that.createdAt)
        && state.equals(that.state);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, state);
  }

  @Override
  public String toString() {
    return "Generation[%s %s attempt %d]".formatted(id, state.status().apiName(), state.attempt());
  }
}
