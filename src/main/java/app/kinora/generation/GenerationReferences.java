package app.kinora.generation;

import app.kinora.media.UploadId;

/**
 * The user's uploads a generation refers to, each optional: the first and last frame images, a
 * soundtrack, a clip to restyle, and reference images (what a subject or a style looks like,
 * {@code reference_images[]}).
 */
public record GenerationReferences(
    UploadId firstFrame, UploadId lastFrame, UploadId audio, UploadId video, java.util.List<UploadId> images) {

  public static final GenerationReferences NONE = new GenerationReferences(null, null, null, null);

  public GenerationReferences {
    images = images == null ? java.util.List.of() : java.util.List.copyOf(images);
  }

  /** Without reference images. */
  public GenerationReferences(UploadId firstFrame, UploadId lastFrame, UploadId audio, UploadId video) {
    this(firstFrame, lastFrame, audio, video, java.util.List.of());
  }
}
