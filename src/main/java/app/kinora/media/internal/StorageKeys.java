package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.UploadId;
import java.util.UUID;

/**
 * Media's key scheme: where each kind of stored file lives in the blob store. Keys are written
 * into other modules' rows, so a change here strands what is stored already.
 */
final class StorageKeys {

  static final String VIDEOS = "videos/";
  static final String UPLOADS = "uploads/";
  static final String EXPORTS = "exports/";

  private StorageKeys() {}

  static BlobKey video(UUID output) {
    return new BlobKey(VIDEOS + output + ".mp4");
  }

  static BlobKey poster(UUID output) {
    return new BlobKey(VIDEOS + output + "-poster.jpg");
  }

  static BlobKey spriteSheet(UUID output) {
    return new BlobKey(VIDEOS + output + "-sprite.jpg");
  }

  static boolean isVideoOutput(BlobKey key) {
    return key.value().startsWith(VIDEOS);
  }

  /** The sanitised copy of an upload. */
  static BlobKey upload(UploadId id, String extension) {
    return new BlobKey(UPLOADS + id + "." + extension);
  }

  /** An upload's file as it was sent, kept when its owner asked. */
  static BlobKey original(UploadId id, String extension) {
    return new BlobKey(UPLOADS + id + "-original." + extension);
  }

  /** A new data export archive. */
  static BlobKey export() {
    return new BlobKey(EXPORTS + UUID.randomUUID() + ".zip");
  }
}
