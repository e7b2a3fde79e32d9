package app.kinora.provider.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * What a platform says about a submission whose answer was lost (a read timeout, a reset after
 * sending, a malformed success): it made a job for it, it surely did not, or it cannot tell.
 */
public final class Lookup {

  private enum Answer {
    FOUND,
    ABSENT,
    UNKNOWABLE
  }

  private static final Lookup ABSENT = new Lookup(Answer.ABSENT, null);
  private static final Lookup UNKNOWABLE = new Lookup(Answer.UNKNOWABLE, null);

  private final Answer answer;
  private final RemoteJob job;

  private Lookup(Answer answer, RemoteJob job) {
    this.answer = answer;
    this.job = job;
  }

  /** The platform has the job the lost submission made: follow it, never submit again. */
  public static Lookup found(RemoteJob job) {
    return new Lookup(Answer.FOUND, Objects.requireNonNull(job, "job"));
  }

  /** The platform surely made no job for it (it keeps every reference it was given). */
  public static Lookup absent() {
    return ABSENT;
  }

  /** The platform offers no way to tell: the attempt ends, refunded, and the operator is told. */
  public static Lookup unknowable() {
    return UNKNOWABLE;
  }

  /**
   * From the platform's jobs that match a lost submission, all listed: one is the job, none means
   * it was not taken, several cannot be told apart.
   */
  public static Lookup of(java.util.List<RemoteJob> matches) {
    return switch (matches.size()) {
      case 0 -> absent();
      case 1 -> found(matches.getFirst());
      default -> unknowable();
    };
  }

  public Optional<RemoteJob> job() {
    return Optional.ofNullable(job);
  }

  public boolean isAbsent() {
    return answer == Answer.ABSENT;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Lookup that && answer == that.answer && Objects.equals(job, that.job);
  }

  @Override
  public int hashCode() {
    return Objects.hash(answer, job);
  }

  @Override
  public String toString() {
    return answer == Answer.FOUND ? "found " + job.id() : answer.name().toLowerCase();
  }
}
