package app.kinora.provider;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.JobState;
import app.kinora.provider.spi.Lookup;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteJob;
import app.kinora.provider.spi.RemoteStatus;
import app.kinora.shared.VideoSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job on one route: submit, poll with a growing pause (cut short by a webhook), fetch the
 * video as soon as it is ready, then delete the platform's copy. Records the outcome in the
 * transfer log.
 */
class RemoteRun {

  private static final Logger log = LoggerFactory.getLogger(RemoteRun.class);
  private static final Duration WEBHOOK_CHECK = Duration.ofSeconds(1);

  /** The transfer log's outcome of a submission the platform may have taken unseen. */
  static final String UNCONFIRMED = "unconfirmed";

  private final Route route;
  private final UUID transfer;
  private final TransferLog transfers;
  private final Resilience resilience;
  private final ProviderProperties properties;

  RemoteRun(
      Route route,
      UUID transfer,
      TransferLog transfers,
      Resilience resilience,
      ProviderProperties properties) {
    this.route = route;
    this.transfer = transfer;
    this.transfers = transfers;
    this.resilience = resilience;
    this.properties = properties;
  }

  /**
   * Submits once. A submission the platform may have taken despite a failure (no answer in time, a
   * malformed success) is looked up by its reference instead of sent again.
   */
  void submitAndFollow(VideoSpec<ReferenceMedia> request, ProgressListener progress, Path output) {
    var sentAt = Instant.now();
    var sent = request.withModel(route.model().id());
    RemoteJob job;
    try {
      job = resilience.submit(route.providerId(), () -> route.provider().submit(sent, reference()));
    } catch (ProviderFailure failure) {
      if (Thread.currentThread().isInterrupted()) {
        throw failure; // the node is stopping: whoever resumes the attempt looks the job up
      }
      if (!failure.isOutcomeUnknown()) {
        transfers.finished(transfer, failure.code());
        throw failure;
      }
      job = reconcile(sent, sentAt, failure).orElseThrow(() -> {
        transfers.finished(transfer, failure.code());
        return failure; // surely not taken: the next route may try
      });
    }
    transfers.submitted(transfer, job);
    follow(job, progress, output);
  }

  /**
   * Resumes a submission whose answer was never stored (the node died while it was on its way):
   * the job it made if the platform has one, else empty when the platform surely has none.
   */
  Optional<RemoteJob> resumeSubmission(VideoSpec<ReferenceMedia> request, Instant sentAt) {
    var lost = ProviderFailure.of(
            FailureCode.UNCONFIRMED, "the node stopped while submitting to " + route)
        .withOutcomeUnknown();
    var job = reconcile(request.withModel(route.model().id()), sentAt, lost);
    if (job.isPresent()) {
      transfers.submitted(transfer, job.get());
    } else {
      transfers.finished(transfer, "not_accepted");
    }
    return job;
  }

  /**
   * Asks the platform for the job a lost submission made. Where it cannot tell, the attempt ends
   * here with no other route (a second job could be billed twice) and the operator is told.
   */
  private Optional<RemoteJob> reconcile(
      VideoSpec<ReferenceMedia> sent, Instant sentAt, ProviderFailure lost) {
    Lookup lookup;
    try {
      lookup = resilience.retrying(
          route.providerId(), () -> route.provider().lookUp(sent, reference(), sentAt));
    } catch (ProviderFailure failure) {
      log.warn("Looking up a lost submission on {} failed: {}", route, failure.detail());
      lookup = Lookup.unknowable();
    }
    log.info(
        "A submission to {} lost its answer ({}); the platform says: {}",
        route,
        lost.detail(),
        lookup);
    if (lookup.job().isPresent()) {
      return lookup.job();
    }
    if (lookup.isAbsent()) {
      return Optional.empty();
    }
    transfers.finished(transfer, UNCONFIRMED);
    log.warn(
        "OPERATOR: a submission to {} may have made a job Kinora cannot find (reference {});"
            + " check the platform's dashboard for a job to cancel",
        route,
        reference());
    throw ProviderFailure.of(FailureCode.UNCONFIRMED, lost.detail()).withoutFallback();
  }

  /** Kinora's reference for this one attempt on this route; it names nothing about the user. */
  private String reference() {
    return "kinora-" + transfer;
  }

  void follow(RemoteJob job, ProgressListener progress, Path output) {
    try {
      var completed = awaitEnd(job, progress);
      fetch(job, completed, output);
      transfers.finished(transfer, "completed");
      deleteRemote(job);
    } catch (ProviderFailure failure) {
      if (!Thread.currentThread().isInterrupted()) {
        transfers.finished(transfer, failure.code());
      }
      throw failure;
    }
  }

  /** Once the platform made the video, another route must not make (and bill) it again. */
  private void fetch(RemoteJob job, RemoteStatus completed, Path output) {
    try {
      resilience.retrying(route.providerId(), () -> {
        route.provider().fetch(job, completed, output);
        return null;
      });
    } catch (ProviderFailure failure) {
      log.warn(
          "The video made on {} could not be collected ({}: {})",
          route,
          failure.code(),
          failure.detail());
      throw failure.withoutFallback();
    }
  }

  private RemoteStatus awaitEnd(RemoteJob job, ProgressListener progress) {
    var deadline = Instant.now().plus(properties.jobTimeout());
    var pause = properties.pollInitial();
    while (true) {
      var status =
          resilience.retrying(route.providerId(), () -> route.provider().status(job));
      if (status.state().isTerminal()) {
        status.costIfReported().ifPresent(cost -> transfers.reported(transfer, cost));
      }
      if (status.state() == JobState.COMPLETED) {
        return status;
      }
      if (status.state().isTerminal()) {
        throw status.failure();
      }
      try {
        progress.stillWanted();
        status.progressIfKnown().ifPresent(progress::progressed);
      } catch (ProviderFailure unwanted) {
        if (unwanted.code().equals(FailureCode.CANCELLED.code())) {
          cancel(job); // its owner cancelled the generation: the platform stops too, where it can
        }
        throw unwanted;
      }
      if (Instant.now().plus(pause).isAfter(deadline)) {
        cancel(job);
        throw ProviderFailure.of(
            FailureCode.TIMEOUT, route + " did not finish within " + properties.jobTimeout());
      }
      sleep(pause);
      pause = pause.multipliedBy(2).compareTo(properties.pollMax()) > 0
          ? properties.pollMax()
          : pause.multipliedBy(2);
    }
  }

  /** Waits, but wakes as soon as a webhook says the job changed. */
  private void sleep(Duration pause) {
    var since = Instant.now();
    var until = since.plus(pause);
    try {
      while (Instant.now().isBefore(until)) {
        var left = Duration.between(Instant.now(), until);
        Thread.sleep(Math.max(1, Math.min(left.toMillis(), WEBHOOK_CHECK.toMillis())));
        if (transfers.pushedSince(transfer, since)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ProviderFailure.of(FailureCode.CANCELLED, "interrupted while waiting for " + route);
    }
  }

  private void cancel(RemoteJob job) {
    try {
      route.provider().cancel(job);
    } catch (RuntimeException e) {
      log.warn("Could not cancel a job on {}: {}", route, e.toString());
    }
  }

  /** The video is in Kinora's storage now; the platform's copy goes where its API lets it. */
  private void deleteRemote(RemoteJob job) {
    try {
      route.provider().deleteRemote(job);
    } catch (RuntimeException e) {
      log.warn("Could not delete the remote copy on {}: {}", route, e.toString());
    }
  }
}
