package app.kinora.provider;

import app.kinora.provider.Transfer.SentMedia;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.LocalVideoProvider;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RemoteVideoProvider;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Runs a generation on its model's routes in order, falling back while another route may help. */
@Service
class ProviderRouter implements Providers {

  private static final Logger log = LoggerFactory.getLogger(ProviderRouter.class);

  private final ModelCatalog catalog;
  private final TransferLog transfers;
  private final Resilience resilience;
  private final PlatformPauses pauses;
  private final ProviderProperties properties;
  private final PlatformCapacity capacity;

  ProviderRouter(
      ModelCatalog catalog,
      TransferLog transfers,
      Resilience resilience,
      PlatformPauses pauses,
      ProviderProperties properties,
      PlatformCapacity capacity) {
    this.capacity = capacity;
    this.pauses = pauses;
    this.catalog = catalog;
    this.transfers = transfers;
    this.resilience = resilience;
    this.properties = properties;
  }

  @Override
  public boolean makesWhatWasAsked(String model) {
    return catalog
        .localProvider(model)
        .map(LocalVideoProvider::makesWhatWasAsked)
        .orElse(false);
  }

  @Override
  public void generate(
      GenerationTicket ticket,
      VideoSpec<ReferenceMedia> request,
      ProgressListener progress,
      Path output) {
    var local = catalog.localProvider(request.model());
    if (local.isPresent()) {
      local.get().generate(request, progress, output);
      return;
    }
    var routes = catalog.routes(request.model());
    if (routes.isEmpty()) {
      throw ProviderFailure.of(
          FailureCode.PROVIDER_UNAVAILABLE, "no enabled route for " + request.model());
    }
    var start = resumed(ticket, request, routes, progress, output);
    if (start < 0) {
      return;
    }
    ProviderFailure last = null;
    boolean full = false;
    for (var route : routes.subList(start, routes.size())) {
      var refusal = route.model().refusal(request);
      if (refusal.isPresent()) {
        log.info("Route {} skipped for {}: {}", route, ticket.generation(), refusal.get());
        continue;
      }
      if (pauses.isPaused(route.providerId())) {
        log.info("Route {} skipped for {}: an operator paused it", route, ticket.generation());
        last = ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, route.providerId() + " paused");
        continue;
      }
      if (!resilience.available(route.providerId())) {
        log.info("Route {} skipped for {}: its platform is paused", route, ticket.generation());
        last = ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, route.providerId() + " paused");
        continue;
      }
      try {
        var transfer = capacity.claim(
            route.providerId(),
            () -> transfers.sending(
                ticket, route, request, fieldsSent(request, route), mediaSent(request)));
        if (transfer.isEmpty()) {
          log.info("Route {} skipped for {}: its platform is full", route, ticket.generation());
          full = true;
          continue;
        }
        new RemoteRun(route, transfer.get(), transfers, resilience, properties)
            .submitAndFollow(request, progress, output);
        return;
      } catch (ProviderFailure failure) {
        if (!failure.allowsFallback() || Thread.currentThread().isInterrupted()) {
          throw failure;
        }
        log.warn(
            "Route {} failed for {} ({}: {}); trying the next route",
            route,
            ticket.generation(),
            failure.code(),
            failure.detail());
        last = failure;
      }
    }
    if (full) {
      throw new PlatformsFull(request.model());
    }
    throw last != null
        ? last
        : ProviderFailure.of(
            FailureCode.INVALID_INPUT,
            "no route of " + request.model() + " can serve this request");
  }

  /**
   * Follows a job submitted before a restart instead of submitting again. Returns -1 when it
   * completed, else the index of the first route still to try.
   */
  private int resumed(
      GenerationTicket ticket,
      VideoSpec<ReferenceMedia> request,
      List<Route> routes,
      ProgressListener progress,
      Path output) {
    var unfinished = transfers.unfinished(ticket.generation());
    if (unfinished.isEmpty()) {
      return 0;
    }
    var job = unfinished.get();
    for (int i = 0; i < routes.size(); i++) {
      var route = routes.get(i);
      if (route.providerId().equals(job.provider()) && route.model().id().equals(job.model())) {
        log.info("Generation {} resumes its job on {}", ticket.generation(), route);
        var run = new RemoteRun(route, job.transfer(), transfers, resilience, properties);
        try {
          var remote = job.job() != null
              ? Optional.of(job.job())
              : run.resumeSubmission(request, job.sentAt());
          if (remote.isEmpty()) {
            return i; // the platform surely took nothing: this route may be asked again
          }
          run.follow(remote.get(), progress, output);
          return -1;
        } catch (ProviderFailure failure) {
          if (!failure.allowsFallback() || Thread.currentThread().isInterrupted()) {
            throw failure;
          }
          return i + 1;
        }
      }
    }
    transfers.finished(job.transfer(), "abandoned");
    return 0;
  }

  /** The request fields an adapter sends for this model: the prompt and the parameters it takes. */
  static List<String> fieldsSent(VideoSpec<ReferenceMedia> request, Route route) {
    var model = route.model();
    var fields = new ArrayList<>(List.of("prompt", "duration", "size"));
    if (model.can(Capability.SEED)) {
      fields.add("seed");
    }
    if (model.can(Capability.AUDIO_GENERATION)) {
      fields.add("generate_audio");
    }
    if (model.can(Capability.NEGATIVE_PROMPT) && request.negativePrompt() != null) {
      fields.add("negative_prompt");
    }
    return fields;
  }

  /** The files sent along, by field name, with the SHA-256 of the (sanitised) bytes. */
  static List<SentMedia> mediaSent(VideoSpec<ReferenceMedia> request) {
    var references = request.references();
    var media = new ArrayList<SentMedia>();
    references
        .firstFrameIfAny()
        .ifPresent(file -> media.add(new SentMedia("first_frame", sha256(file))));
    references
        .lastFrameIfAny()
        .ifPresent(file -> media.add(new SentMedia("last_frame", sha256(file))));
    references.audioIfAny().ifPresent(file -> media.add(new SentMedia("audio", sha256(file))));
    references.videoIfAny().ifPresent(file -> media.add(new SentMedia("video", sha256(file))));
    references.images().forEach(file -> media.add(new SentMedia("reference_image", sha256(file))));
    return media;
  }

  private static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of()
          .formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw ProviderFailure.of(
          FailureCode.INVALID_INPUT, "reference unreadable: " + e.getMessage());
    }
  }

  @Override
  public List<Transfer> transfers(UUID generation) {
    return transfers.of(generation);
  }

  @Override
  public List<Transfer> transfers(UserId owner, Collection<UUID> generations) {
    return transfers.of(owner, generations);
  }

  @Override
  public List<ProviderInfo> platforms() {
    return catalog.remoteProviders().values().stream()
        .map(RemoteVideoProvider::info)
        .distinct()
        .sorted(Comparator.comparing(ProviderInfo::name))
        .toList();
  }

  @Override
  public java.util.Optional<app.kinora.provider.spi.PromptReading> read(
      String model, String prompt) {
    return catalog.localProvider(model).flatMap(local -> local.read(model, prompt));
  }
}
