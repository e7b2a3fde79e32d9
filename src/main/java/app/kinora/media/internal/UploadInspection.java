package app.kinora.media.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import app.kinora.media.MediaRejected.Reason;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.tika.Tika;

/**
 * What an upload must be before it is sanitised: not empty or near-empty, within its kind's size
 * cap, of an accepted type
 * by its bytes (Apache Tika's magic bytes, never the name or the declared type), with a picture or
 * sound as its kind needs, within the pixel, decoded size and duration limits. Every refusal is a {@link
 * MediaRejected} with a reason fit for the user.
 */
final class UploadInspection {

  /**
   * No accepted format fits in fewer bytes (a PNG's signature and header alone take 33): a shorter
   * file of an accepted type, or of no recognisable type, is refused as cut short.
   */
  static final int MIN_BYTES = 32;

  private static final long MB = 1024 * 1024;

  private final Tika tika = new Tika();
  private final MediaProperties properties;

  UploadInspection(MediaProperties properties) {
    this.properties = properties;
  }

  /** The format of a file this server wrote (a sanitised copy), known to be accepted. */
  DetectedFormat formatOf(Path file) throws IOException {
    return DetectedFormat.of(tika.detect(file)).orElseThrow();
  }

  /** Streams the upload to {@code target}, refusing it once it is larger than its kind may be. */
  void copyCapped(InputStream content, Path target, MediaKind kind) throws IOException {
    long maxBytes = properties.maxSize(kind).toBytes();
    long total = 0;
    var buffer = new byte[64 * 1024];
    try (var in = content;
        var out = Files.newOutputStream(target)) {
      for (int read; (read = in.read(buffer)) > 0; ) {
        total += read;
        if (total > maxBytes) {
          throw new MediaRejected(
              Reason.TOO_LARGE,
              "The %s is larger than %d MB.".formatted(kind.label(), maxBytes / (1024 * 1024)));
        }
        out.write(buffer, 0, read);
      }
    }
    if (total == 0) {
      throw new MediaRejected("The %s is empty: the file has no bytes.".formatted(kind.label()));
    }
  }

  /** The file's format by its bytes, which must be an accepted one of any kind. */
  DetectedFormat detectAny(Path file) throws IOException {
    String mime;
    try (var in = new BufferedInputStream(Files.newInputStream(file))) {
      mime = tika.detect(in);
    }
    return DetectedFormat.of(mime)
        .orElseThrow(() -> new MediaRejected(
            Reason.UNSUPPORTED_TYPE,
            "Files of type %s are not accepted here. Use an MP4, MOV, JPEG, PNG or WebP file."
                .formatted(mime)));
  }

  /** The file's format by its bytes, which must be an accepted one of the expected kind. */
  DetectedFormat detect(Path file, MediaKind expected) throws IOException {
    String mime;
    try (var in = new BufferedInputStream(Files.newInputStream(file))) {
      mime = tika.detect(in);
    }
    long size = Files.size(file);
    if (size < MIN_BYTES
        && (DetectedFormat.of(mime).isPresent() || mime.equals("application/octet-stream"))) {
      // a few bytes of an accepted type, or too few to be anything: not a wrong type, a file cut
      // short
      throw new MediaRejected("The %s is only %d byte%s: too short to hold %s."
          .formatted(
              expected.label(),
              size,
              size == 1 ? "" : "s",
              expected == MediaKind.AUDIO ? "any sound" : "a picture"));
    }
    var format = DetectedFormat.of(mime)
        .orElseThrow(() -> new MediaRejected(
            Reason.UNSUPPORTED_TYPE,
            "Files of type %s are not accepted. Use PNG, JPEG or WebP images; WAV, MP3, FLAC, OGG or M4A audio; MP4, MOV, WebM or MKV video."
                .formatted(mime)));
    if (format.kind() != expected) {
      throw new MediaRejected(
          Reason.UNSUPPORTED_TYPE,
          "Expected %s, but this file is %s (%s)."
              .formatted(article(expected), article(format.kind()), mime));
    }
    return format;
  }

  /** What the probe saw: a picture or sound as the kind needs, within the pixel and duration limits. */
  void check(MediaInfo info, MediaKind kind) {
    var video = info.video();
    if (kind != MediaKind.AUDIO) {
      var frame = video.orElseThrow(() -> new MediaRejected("The file has no picture."));
      if (frame.width() <= 0 || frame.height() <= 0) {
        throw new MediaRejected("The picture could not be read: the file is cut short or damaged.");
      }
      checkPixels(frame.width(), frame.height());
    } else if (info.audio().isEmpty()) {
      throw new MediaRejected("The file has no sound.");
    }
    if (kind != MediaKind.IMAGE && info.duration().compareTo(properties.maxMediaDuration()) > 0) {
      throw new MediaRejected(
          Reason.TOO_LARGE,
          "The %s lasts longer than %d minutes."
              .formatted(kind.label(), properties.maxMediaDuration().toMinutes()));
    }
  }

  /** What an image's header announces: within the pixel limit, and within the decoded size limit. */
  void check(ImageHeader header) {
    checkPixels(header.width(), header.height());
    long limit = properties.maxDecodedImageSize().toBytes();
    if (header.decodedBytes() > limit) {
      throw new MediaRejected(
          Reason.TOO_LARGE,
          "The picture would take %d MB once decoded (%dx%d, %d channels of %d bits); at most %d MB are accepted."
              .formatted(
                  header.decodedBytes() / MB,
                  header.width(),
                  header.height(),
                  header.channels(),
                  header.bitsPerChannel(),
                  limit / MB));
    }
  }

  void checkPixels(int width, int height) {
    if ((long) width * height > properties.maxPixels()) {
      throw new MediaRejected(
          Reason.TOO_LARGE,
          "The picture is %dx%d; at most %d megapixels are accepted."
              .formatted(width, height, properties.maxPixels() / 1_000_000));
    }
  }

  private static String article(MediaKind kind) {
    return kind == MediaKind.IMAGE ? "an image" : kind == MediaKind.AUDIO ? "audio" : "a video";
  }
}
