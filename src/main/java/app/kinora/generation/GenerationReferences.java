package app.kinora.generation;

import app.kinora.media.UploadId;

/**
 * The user's uploads a generation refers to, each optional: the first and last frame images, a
 * soundtrack, and a clip to restyle.
 */
public record GenerationReferences(UploadId firstFrame, UploadId lastFrame, UploadId audio, UploadId video) {

  public static final GenerationReferences NONE = new GenerationReferences(null, null, null, null);
}
