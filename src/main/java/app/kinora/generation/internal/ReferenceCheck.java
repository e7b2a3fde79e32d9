package app.kinora.generation.internal;

import app.kinora.generation.GenerationReferences;
import app.kinora.generation.InvalidGenerationRequest;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaUploads;
import app.kinora.media.UploadId;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import org.springframework.stereotype.Component;

/** Refuses references the model cannot use, that are not the user's, or of the wrong kind. */
@Component
class ReferenceCheck {

  private final MediaUploads uploads;

  ReferenceCheck(MediaUploads uploads) {
    this.uploads = uploads;
  }

  GenerationReferences check(UserId owner, ModelDescriptor model, GenerationReferences references) {
    check(owner, model, references.firstFrame(), "input_reference", Capability.FIRST_FRAME, MediaKind.IMAGE);
    check(owner, model, references.lastFrame(), "last_frame", Capability.LAST_FRAME, MediaKind.IMAGE);
    check(owner, model, references.audio(), "audio", Capability.AUDIO_REFERENCE, MediaKind.AUDIO);
    check(owner, model, references.video(), "video", Capability.VIDEO_REFERENCE, MediaKind.VIDEO);
    if (references.lastFrame() != null && references.firstFrame() == null) {
      throw new InvalidGenerationRequest("last_frame", "missing_first_frame", "A last frame needs a first frame (input_reference).");
    }
    checkImages(owner, model, references);
    return references;
  }

  /**
   * Reference images describe what to show, not where to start or end: up to the model's number,
   * pictures of the user's, and not together with a first or last frame (Veo refuses the mix).
   */
  private void checkImages(UserId owner, ModelDescriptor model, GenerationReferences references) {
    var images = references.images();
    if (images.isEmpty()) {
      return;
    }
    if (images.size() > model.maxReferenceImages()) {
      throw new InvalidGenerationRequest("reference_images", "unsupported_parameter", model.maxReferenceImages() == 0
          ? "%s does not take reference images.".formatted(model.displayName())
          : "%s takes at most %d reference images.".formatted(model.displayName(), model.maxReferenceImages()));
    }
    if (references.firstFrame() != null || references.lastFrame() != null) {
      throw new InvalidGenerationRequest("reference_images", "invalid_reference",
          "Reference images cannot be combined with a first or last frame.");
    }
    for (var image : images) {
      var upload = uploads.find(owner, image).orElseThrow(() ->
          new InvalidGenerationRequest("reference_images", "invalid_reference", "No such upload for reference_images."));
      if (upload.kind() != MediaKind.IMAGE) {
        throw new InvalidGenerationRequest("reference_images", "invalid_reference", "Reference images must be pictures.");
      }
    }
  }

  private void check(UserId owner, ModelDescriptor model, UploadId id, String param, Capability needed, MediaKind kind) {
    if (id == null) {
      return;
    }
    if (!model.can(needed)) {
      throw new InvalidGenerationRequest(param, "unsupported_parameter", "%s does not accept %s.".formatted(model.id(), param));
    }
    var upload = uploads.find(owner, id)
        .orElseThrow(() -> new InvalidGenerationRequest(param, "invalid_reference", "No such upload for " + param + "."));
    if (upload.kind() != kind) {
      throw new InvalidGenerationRequest(param, "invalid_reference", "%s must be %s.".formatted(param, kind.label()));
    }
  }
}
