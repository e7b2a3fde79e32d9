package app.kinora.provider.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A remote job's state as the platform last reported it.
 *
 * @param progress fraction 0..1 where the platform reports one, else negative
 * @param resultLocation where a completed job's video is (a URL or file name); internal only
 * @param failure why a failed, cancelled or expired job ended
 * @param cost what the platform said the job cost, where it says; null otherwise
 */
public record RemoteStatus(
    JobState state,
    double progress,
    String resultLocation,
    ProviderFailure failure,
    ReportedCost cost) {

  public RemoteStatus {
    Objects.requireNonNull(state, "state");
    if (state.isTerminal() && state != JobState.COMPLETED && failure == null) {
      throw new IllegalArgumentException("a " + state + " job needs a failure");
    }
  }

  public static RemoteStatus queued() {
    return new RemoteStatus(JobState.QUEUED, -1, null, null, null);
  }

  public static RemoteStatus running(double progress) {
    return new RemoteStatus(JobState.IN_PROGRESS, progress, null, null, null);
  }

  public static RemoteStatus completed(String resultLocation) {
    return new RemoteStatus(JobState.COMPLETED, 1, resultLocation, null, null);
  }

  public static RemoteStatus ended(JobState state, ProviderFailure failure) {
    return new RemoteStatus(state, -1, null, failure, null);
  }

  public static RemoteStatus failed(ProviderFailure failure) {
    return ended(JobState.FAILED, failure);
  }

  public OptionalDouble progressIfKnown() {
    return progress < 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1, progress));
  }

  /** The same status with what the platform said the job cost; null keeps it unknown. */
  public RemoteStatus withCost(ReportedCost cost) {
    return new RemoteStatus(state, progress, resultLocation, failure, cost);
  }

  public Optional<ReportedCost> costIfReported() {
    return Optional.ofNullable(cost);
  }

  public Optional<ProviderFailure> failureIfAny() {
    return Optional.ofNullable(failure);
  }
}
