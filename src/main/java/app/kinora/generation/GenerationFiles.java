package app.kinora.generation;

import app.kinora.shared.UserId;
import java.util.Collection;
import java.util.Set;

/** The stored files of generations, for the library's delete and the storage sweep. */
public interface GenerationFiles {

  /**
   * Deletes a finished generation of the owner's: its video, poster and sprite sheet from the
   * blob store, then its row. Returns false when there is no such generation of the owner's.
   *
   * @throws IllegalStateException while the generation is queued or running
   */
  boolean delete(UserId owner, GenerationId id);

  /** Those of the given blob keys that some generation still refers to. */
  Set<String> referenced(Collection<String> keys);
}
