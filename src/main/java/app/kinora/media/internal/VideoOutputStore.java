package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.SpriteSheet;
import app.kinora.media.StoredVideo;
import app.kinora.media.VideoDerivatives;
import app.kinora.media.VideoOutputs;
import app.kinora.media.VideoPictures;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The {@link VideoOutputs}: the video goes up while FFmpeg makes the poster and the sprite sheet,
 * and each picture goes up as soon as it is made, every step on its own virtual thread. Whatever
 * fails, the files written so far are deleted, so a failed store leaves nothing under the keys.
 */
@Service
class VideoOutputStore implements VideoOutputs {

  private static final Logger log = LoggerFactory.getLogger(VideoOutputStore.class);

  private final BlobStore blobs;
  private final VideoDerivatives derivatives;

  VideoOutputStore(BlobStore blobs, VideoDerivatives derivatives) {
    this.blobs = blobs;
    this.derivatives = derivatives;
  }

  @Override
  public StoredVideo store(UUID outputId, Path mp4, Duration duration, VideoSize size)
      throws IOException {
    var poster = mp4.resolveSibling(mp4.getFileName() + ".poster.jpg");
    var sprite = mp4.resolveSibling(mp4.getFileName() + ".sprite.jpg");
    try {
      return store(
          outputId,
          mp4,
          () -> {
            derivatives.poster(mp4, duration.multipliedBy(2).dividedBy(5), poster);
            return poster;
          },
          () -> new Picture(sprite, derivatives.spriteSheet(mp4, duration, size, sprite)));
    } finally {
      deleteQuietly(poster);
      deleteQuietly(sprite);
    }
  }

  @Override
  public StoredVideo store(UUID outputId, Path mp4, VideoPictures pictures) throws IOException {
    return store(
        outputId,
        mp4,
        pictures::poster,
        () -> new Picture(pictures.spriteSheet(), pictures.layout()));
  }

  @Override
  public void delete(Collection<BlobKey> keys) {
    var foreign = keys.stream().filter(key -> !StorageKeys.isVideoOutput(key)).toList();
    if (!foreign.isEmpty()) {
      throw new IllegalArgumentException("not the files of a video output: " + foreign);
    }
    blobs.deleteAll(keys.stream().map(BlobKey::value).toList());
  }

  /** A sprite sheet on disk and its layout. */
  private record Picture(Path file, SpriteSheet layout) {}

  @FunctionalInterface
  private interface Making<T> {
    T make() throws Exception;
  }

  private StoredVideo store(UUID outputId, Path mp4, Making<Path> poster, Making<Picture> sprite)
      throws IOException {
    var videoKey = StorageKeys.video(outputId);
    var posterKey = StorageKeys.poster(outputId);
    var spriteKey = StorageKeys.spriteSheet(outputId);
    long bytes = Files.size(mp4);
    var layout = new AtomicReference<SpriteSheet>();
    try {
      Concurrently.run(
          List.of(() -> blobs.put(videoKey, mp4), () -> blobs.put(posterKey, poster.make()), () -> {
            var made = sprite.make();
            blobs.put(spriteKey, made.file());
            layout.set(made.layout());
          }));
    } catch (IOException | RuntimeException | Error e) {
      deleteAfterFailure(List.of(videoKey, posterKey, spriteKey), e);
      throw e;
    }
    return new StoredVideo(videoKey, bytes, posterKey, spriteKey, layout.get());
  }

  private void deleteAfterFailure(List<BlobKey> keys, Throwable failure) {
    for (var key : keys) {
      try {
        blobs.delete(key);
      } catch (IOException | RuntimeException e) {
        failure.addSuppressed(e); // the storage sweep takes it later
        log.warn("Could not delete {} after a failed store", key);
      }
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete work file {}", file);
    }
  }
}
