package app.kinora.generation;

import app.kinora.media.MediaKind;

/** What a reference file is for, named as the API's field that carries it. */
public enum ReferenceRole {
  /** The picture the video starts from. */
  FIRST_FRAME("input_reference", MediaKind.IMAGE),
  /** The picture it ends on. */
  LAST_FRAME("last_frame", MediaKind.IMAGE),
  /** A soundtrack to use instead of generated sound. */
  AUDIO("audio", MediaKind.AUDIO),
  /** A clip to restyle. */
  VIDEO("video", MediaKind.VIDEO),
  /** What a subject or a style looks like; a request may carry several. */
  REFERENCE_IMAGE("reference_images", MediaKind.IMAGE);

  private final String param;
  private final MediaKind kind;

  ReferenceRole(String param, MediaKind kind) {
    this.param = param;
    this.kind = kind;
  }

  /** The request field, for errors that name it. */
  public String param() {
    return param;
  }

  /** The kind of media it must be. */
  public MediaKind kind() {
    return kind;
  }
}
