package app.kinora.generation.internal;

import app.kinora.billing.CreditLedger;
import app.kinora.billing.PriceRequest;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generation;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.Lineage;
import app.kinora.generation.ReferenceRole;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.safety.ContentBlocked;
import app.kinora.safety.ContentScreening;
import app.kinora.safety.FairUse;
import app.kinora.safety.ScreenedImage;
import app.kinora.safety.ScreeningUnavailable;
import app.kinora.safety.SubmissionsSuspended;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one way a video is asked for, whichever edge asks: cheap checks first (model, fields,
 * references and their counts), the account's rate limits, safety screening of the prompts, the
 * price against the balance, then the attached files through media,
 * then the hold, the row and the job in one transaction. A refusal after files were accepted
 * discards them here, in one place.
 */
@Component
class GenerationIntake {

  private final SpecResolver resolver;
  private final ReferenceCheck references;
  private final CreditLedger credits;
  private final MediaUploads uploads;
  private final GenerationRecorder recorder;
  private final SourceCheck sources;
  private final Extensions extensions;
  private final ContentScreening screening;
  private final FairUse fairUse;

  GenerationIntake(
      SpecResolver resolver,
      ReferenceCheck references,
      CreditLedger credits,
      MediaUploads uploads,
      GenerationRecorder recorder,
      SourceCheck sources,
      Extensions extensions,
      ContentScreening screening,
      FairUse fairUse) {
    this.sources = sources;
    this.extensions = extensions;
    this.screening = screening;
    this.fairUse = fairUse;
    this.resolver = resolver;
    this.references = references;
    this.credits = credits;
    this.uploads = uploads;
    this.recorder = recorder;
  }

  Generation submit(
      UserId owner,
      VideoSpec<GenerationReferences> requested,
      Attachment.Files files,
      Lineage lineage) {
    if (lineage != null) {
      sources.check(owner, lineage);
    }
    var model = resolver.model(requested.model());
    var spec = resolver.resolve(requested, model);
    fairUse.admitSubmission(owner); // RateLimited: each edge answers it in its own way
    screen(owner, spec);
    credits.affordable(owner, work(spec));
    // an extension starts from its source's last frame, a reference like any other
    files = extensions.withLastFrame(owner, lineage, files);
    references.check(owner, model, spec.references(), files);
    var accepted = new ArrayList<UploadId>();
    try {
      var references = accept(owner, spec.references(), files, accepted);
      screenImages(owner, references);
      return recorder.record(owner, spec.withReferences(references), lineage);
    } catch (RuntimeException e) {
      uploads.discard(owner, accepted); // a refused request keeps none of its files
      throw e;
    }
  }

  /** Safety's refusals in the terms of a generation request: nothing has been taken yet. */
  private void screen(UserId owner, VideoSpec<?> spec) {
    screened(
        "prompt",
        () -> screening.screen(owner, Arrays.asList(spec.prompt(), spec.negativePrompt())));
  }

  /**
   * The images among the references (sanitised by media: no metadata goes out), each screened
   * with the screeners that take images; a refusal names the image's field.
   */
  private void screenImages(UserId owner, GenerationReferences references) {
    if (!screening.screensImages()) {
      return;
    }
    for (var role : List.of(
        ReferenceRole.FIRST_FRAME, ReferenceRole.LAST_FRAME, ReferenceRole.REFERENCE_IMAGE)) {
      for (var id : references.of(role)) {
        screened(role.param(), () -> screening.screenImages(owner, List.of(image(owner, id))));
      }
    }
  }

  private ScreenedImage image(UserId owner, UploadId id) {
    try (var in = uploads.open(owner, id).orElseThrow().getInputStream()) {
      return new ScreenedImage("image/png", in.readAllBytes());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void screened(String param, Runnable screening) {
    try {
      screening.run();
    } catch (ContentBlocked e) {
      throw new InvalidGenerationRequest(
          param, "moderation_blocked", e.getMessage(), InvalidGenerationRequest.Problem.INVALID, e);
    } catch (SubmissionsSuspended e) {
      throw new InvalidGenerationRequest(
          null,
          "submissions_suspended",
          e.getMessage(),
          InvalidGenerationRequest.Problem.FORBIDDEN,
          e);
    } catch (ScreeningUnavailable e) {
      throw new InvalidGenerationRequest(
          null,
          "moderation_unavailable",
          e.getMessage(),
          InvalidGenerationRequest.Problem.UNAVAILABLE,
          e);
    }
  }

  /** The named uploads with each sent file accepted in its role (a file replaces a named single upload). */
  private GenerationReferences accept(
      UserId owner, GenerationReferences named, Attachment.Files files, List<UploadId> accepted) {
    var result = named;
    for (var role : ReferenceRole.values()) {
      if (files.count(role) > 0) {
        result = role == ReferenceRole.REFERENCE_IMAGE ? result : result.with(role, null);
      }
    }
    for (var file : files.list()) {
      var id = accept(owner, file, files.keepOriginals());
      accepted.add(id);
      result = result.with(file.role(), id);
    }
    return result;
  }

  private UploadId accept(UserId owner, Attachment file, boolean keepOriginal) {
    var role = file.role();
    try (var content = file.content().open()) {
      return uploads.accept(owner, role.kind(), content, keepOriginal).id();
    } catch (MediaRejected e) {
      throw switch (e.reason()) {
        case TOO_LARGE ->
          refused(role, "file_too_large", e, InvalidGenerationRequest.Problem.TOO_LARGE);
        case QUOTA_EXCEEDED ->
          refused(role, "storage_quota_exceeded", e, InvalidGenerationRequest.Problem.TOO_LARGE);
        case UNSUPPORTED_TYPE ->
          refused(
              role, "unsupported_file_type", e, InvalidGenerationRequest.Problem.UNSUPPORTED_TYPE);
        case INVALID -> refused(role, "invalid_file", e, InvalidGenerationRequest.Problem.INVALID);
      };
    } catch (IOException e) {
      throw new InvalidGenerationRequest(
          role.param(),
          "invalid_file",
          "The upload could not be read.",
          InvalidGenerationRequest.Problem.INVALID,
          e);
    }
  }

  private static InvalidGenerationRequest refused(
      ReferenceRole role, String code, MediaRejected e, InvalidGenerationRequest.Problem problem) {
    return new InvalidGenerationRequest(role.param(), code, e.getMessage(), problem, e);
  }

  /** The work a spec asks for, as billing prices it. */
  static PriceRequest work(VideoSpec<?> spec) {
    return new PriceRequest(spec.model(), spec.seconds(), spec.size(), spec.generateAudio());
  }
}
