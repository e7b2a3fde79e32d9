package app.kinora.provider.spi;

import app.kinora.shared.VideoSpec;
import java.nio.file.Path;

/**
 * An adapter for a third-party platform that runs generation jobs remotely: submit, follow, fetch
 * the result as a stream, cancel and delete the remote copy where the platform can. Every call is
 * one HTTP exchange with timeouts; retries, fallback and polling cadence belong to the router.
 * Every failure is a {@link ProviderFailure} with a {@link FailureCode}.
 */
public interface RemoteVideoProvider extends VideoProvider {

  /** Who runs the platform and where, for the transfer log. */
  ProviderInfo info();

  /**
   * Sends the request; {@link VideoSpec#model()} is the platform's own model id. Sends the
   * prompt, the parameters and the reference media only — never anything about the user.
   */
  RemoteJob submit(VideoSpec<ReferenceMedia> request);

  /** The job's state now, mapped onto Kinora's states. */
  RemoteStatus status(RemoteJob job);

  /** Streams the finished video of a completed job to {@code output}, never whole in memory. */
  void fetch(RemoteJob job, RemoteStatus completed, Path output);

  /** Asks the platform to stop the job; false where the platform cannot cancel. */
  default boolean cancel(RemoteJob job) {
    return false;
  }

  /** Deletes the platform's copy of the job's inputs and outputs, where its API allows. */
  default boolean deleteRemote(RemoteJob job) {
    return false;
  }
}
