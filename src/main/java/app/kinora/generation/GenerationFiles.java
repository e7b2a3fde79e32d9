package app.kinora.generation;

import app.kinora.shared.UserId;

/** Deleting a finished generation with its files, for the library. */
public interface GenerationFiles {

  /**
   * Deletes a finished generation of the owner's: its video, poster and sprite sheet from the
   * blob store, then its row. Returns false when there is no such generation of the owner's.
   *
   * @throws IllegalStateException while the generation is queued or running
   */
  boolean delete(UserId owner, GenerationId id);
}
