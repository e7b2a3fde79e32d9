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

  /**
   * Sends the request tagged with Kinora's reference for this one attempt, where the platform
   * keeps such a thing (an idempotency key, an external id, metadata, a callback address), so that
   * {@link #lookUp} can find the job when the answer to this call is lost. The reference names
   * nothing about the user. Adapters whose platform keeps no reference submit without it.
   */
  default RemoteJob submit(VideoSpec<ReferenceMedia> request, String reference) {
    return submit(request);
  }

  /**
   * Looks up the job a submit with this reference made, after its answer was lost: found, surely
   * absent, or unknowable where the platform offers no way to ask (the default).
   *
   * @param sentAt when the submit was sent, for platforms that list recent jobs
   */
  default Lookup lookUp(String reference, java.time.Instant sentAt) {
    return Lookup.unknowable();
  }

  /**
   * The same, for platforms that keep no reference but list recent jobs with their input: the job
   * is the one whose input is what this request sent (the seed makes it the attempt's own).
   */
  default Lookup lookUp(
      VideoSpec<ReferenceMedia> request, String reference, java.time.Instant sentAt) {
    return lookUp(reference, sentAt);
  }

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
