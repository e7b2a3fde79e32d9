package app.kinora.generation.internal;

import app.kinora.generation.Attachment;
import app.kinora.generation.GenerationReferences;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.generation.ReferenceRole;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Refuses references the model cannot use, too many of them, or uploads named that are not the
 * user's or of the wrong kind — before any file sent with the request is accepted.
 */
@Component
class ReferenceCheck {

  private static final Map<ReferenceRole, Capability> NEEDS = Map.of(
      ReferenceRole.FIRST_FRAME, Capability.FIRST_FRAME,
      ReferenceRole.LAST_FRAME, Capability.LAST_FRAME,
      ReferenceRole.AUDIO, Capability.AUDIO_REFERENCE,
      ReferenceRole.VIDEO, Capability.VIDEO_REFERENCE);

  private final MediaUploads uploads;

  ReferenceCheck(MediaUploads uploads) {
    this.uploads = uploads;
  }

  /** Checks the uploads named in {@code named} together with the files sent, by role. */
  void check(
      UserId owner, ModelDescriptor model, GenerationReferences named, Attachment.Files files) {
    for (var role : NEEDS.keySet().stream().sorted().toList()) {
      if (given(role, named, files) > 0 && !model.can(NEEDS.get(role))) {
        throw new InvalidGenerationRequest(
            role.param(),
            "unsupported_parameter",
            "%s does not accept %s.".formatted(model.id(), role.param()));
      }
    }
    if (given(ReferenceRole.LAST_FRAME, named, files) > 0
        && given(ReferenceRole.FIRST_FRAME, named, files) == 0) {
      throw new InvalidGenerationRequest(
          "last_frame",
          "missing_first_frame",
          "A last frame needs a first frame (input_reference).");
    }
    checkImageCount(model, named, files);
    for (var role : ReferenceRole.values()) {
      // a file sent for a single role replaces the upload named for it; reference images add up
      if (role == ReferenceRole.REFERENCE_IMAGE || files.count(role) == 0) {
        named.of(role).forEach(id -> checkOwned(owner, id, role));
      }
    }
  }

  /**
   * Reference images describe what to show, not where to start or end: up to the model's number,
   * and not together with a first or last frame (Veo refuses the mix).
   */
  private static void checkImageCount(
      ModelDescriptor model, GenerationReferences named, Attachment.Files files) {
    long images = named.images().size() + files.count(ReferenceRole.REFERENCE_IMAGE);
    if (images == 0) {
      return;
    }
    if (images > model.maxReferenceImages()) {
      throw new InvalidGenerationRequest(
          "reference_images",
          "unsupported_parameter",
          model.maxReferenceImages() == 0
              ? "%s does not take reference images.".formatted(model.displayName())
              : "%s takes at most %d reference images."
                  .formatted(model.displayName(), model.maxReferenceImages()));
    }
    if (given(ReferenceRole.FIRST_FRAME, named, files) > 0
        || given(ReferenceRole.LAST_FRAME, named, files) > 0) {
      throw new InvalidGenerationRequest(
          "reference_images",
          "invalid_reference",
          "Reference images cannot be combined with a first or last frame.");
    }
  }

  private void checkOwned(UserId owner, UploadId id, ReferenceRole role) {
    var upload = uploads
        .find(owner, id)
        .orElseThrow(() -> new InvalidGenerationRequest(
            role.param(), "invalid_reference", "No such upload for " + role.param() + "."));
    if (upload.kind() != role.kind()) {
      throw new InvalidGenerationRequest(
          role.param(),
          "invalid_reference",
          role == ReferenceRole.REFERENCE_IMAGE
              ? "Reference images must be pictures."
              : "%s must be %s.".formatted(role.param(), role.kind().label()));
    }
  }

  private static long given(
      ReferenceRole role, GenerationReferences named, Attachment.Files files) {
    return named.of(role).size() + files.count(role);
  }
}
