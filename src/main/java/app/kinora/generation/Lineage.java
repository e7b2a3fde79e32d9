package app.kinora.generation;

import java.util.Objects;

/**
 * Where a generation comes from when it is made from another video of the owner's: a remix (the
 * original's settings, a new prompt), an edit (the original restyled) or an extension (the
 * original continued from its last frame, the result stitched after it).
 *
 * @param sourceSeconds the source's length; an extension's output lasts this plus its own seconds
 */
public record Lineage(Kind kind, GenerationId source, int sourceSeconds) {

  /** How the new video relates to its source. */
  public enum Kind {
    REMIX,
    EDIT,
    EXTENSION
  }

  public Lineage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    if (sourceSeconds < 0) {
      throw new IllegalArgumentException("a source lasts at least 0 seconds");
    }
  }

  /** The seconds an output of {@code ownSeconds} lasts once made: an extension adds its source's. */
  public int outputSeconds(int ownSeconds) {
    return kind == Kind.EXTENSION ? sourceSeconds + ownSeconds : ownSeconds;
  }
}
