package app.kinora.media;

import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.UUID;

/**
 * The stored files of a finished video: the MP4, its poster and its sprite sheet, under keys that
 * media makes from the output's id. The caller keeps the returned {@link StoredVideo} with its
 * row; the storage sweep asks it through {@link StoredFileReferences} whether the keys are still
 * used. The three objects are written concurrently, since the user waits for them.
 */
public interface VideoOutputs {

  /**
   * Makes the poster (the frame at two fifths of the video) and the sprite sheet from the MP4 in
   * child processes and stores all three. A failure leaves none of them stored.
   *
   * @param mp4 the checked video; it stays where it is, the caller deletes it
   * @throws MediaRejected when FFmpeg cannot read the video
   * @throws IOException when the blob store fails
   */
  StoredVideo store(UUID outputId, Path mp4, Duration duration, VideoSize size) throws IOException;

  /**
   * Stores the video with the pictures its renderer already made, without running FFmpeg. The
   * given files stay where they are; the caller deletes them. A failure leaves none stored.
   */
  StoredVideo store(UUID outputId, Path mp4, VideoPictures pictures) throws IOException;

  /**
   * Deletes stored files of finished videos; a missing one is not an error.
   *
   * @throws IllegalArgumentException when a key is not a video output's, before anything is deleted
   * @throws java.io.UncheckedIOException when the blob store fails
   */
  void delete(Collection<BlobKey> keys);

  /** Deletes the video's three files. */
  default void delete(StoredVideo video) {
    delete(video.keys());
  }
}
