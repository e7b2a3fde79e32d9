package app.kinora.media;

import java.util.Collection;
import java.util.Set;

/**
 * Implemented by each module that keeps keys of media's stored files in its own rows, so that the
 * storage sweep can tell a file still in use from one left behind (by a crash between writing a
 * file and its row, or by a failed delete). Media answers for uploads itself; the module that
 * keeps the {@link StoredVideo}s answers for {@link Kind#VIDEO_OUTPUTS}. The sweep deletes no file
 * of a kind that no module answers for.
 */
public interface StoredFileReferences {

  /** The kinds of stored files that rows refer to by key. */
  enum Kind {
    /** What {@link VideoOutputs} stores: videos, posters, sprite sheets. */
    VIDEO_OUTPUTS,
    /** Uploads' sanitised copies and the originals kept for their owners. */
    UPLOADS
  }

  /** The kind of files whose keys this module keeps. */
  Kind kind();

  /** Those of the given keys, all of this kind, that this module's rows still refer to. */
  Set<BlobKey> referenced(Collection<BlobKey> keys);
}
