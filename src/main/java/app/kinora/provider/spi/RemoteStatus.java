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
 */
public record RemoteStatus(
    JobState state, double progress, String resultLocation, ProviderFailure failure) {

  public RemoteStatus {
    Objects.requireNonNull(state, "state");
    if (state.isTerminal() && state != JobState.COMPLETED && failure == null) {
      throw new IllegalArgumentException("a " + state + " job needs a failure");
    }
  }

  public static RemoteStatus queued() {
    return new RemoteStatus(JobState.QUEUED, -1, null, null);
  }

  public static RemoteStatus running(double progress) {
    return new RemoteStatus(JobState.IN_PROGRESS, progress, null, null);
  }

  public static RemoteStatus completed(String resultLocation) {
    return new RemoteStatus(JobState.COMPLETED, 1, resultLocation, null);
  }

  public static RemoteStatus ended(JobState state, ProviderFailure failure) {
    return new RemoteStatus(state, -1, null, failure);
  }

  public static RemoteStatus failed(ProviderFailure failure) {
    return ended(JobState.FAILED, failure);
  }

  public OptionalDouble progressIfKnown() {
    return progress < 0 ? OptionalDouble.empty() : OptionalDouble.of(Math.min(1, progress));
  }

  public Optional<ProviderFailure> failureIfAny() {
    return Optional.ofNullable(failure);
  }
}
