package app.kinora.media.internal;

import app.kinora.media.MediaKind;
import java.util.Map;
import java.util.Optional;

/**
 * The formats Kinora accepts, keyed by the MIME type that content detection reports, with the
 * FFmpeg demuxer forced for each: FFmpeg never guesses a format from the bytes or the name.
 */
record DetectedFormat(String mimeType, MediaKind kind, String demuxer) {

  private static final Map<String, DetectedFormat> ACCEPTED = Map.ofEntries(
      entry("image/png", MediaKind.IMAGE, "png_pipe"),
      entry("image/jpeg", MediaKind.IMAGE, "jpeg_pipe"),
      entry("image/webp", MediaKind.IMAGE, "webp_pipe"),
      entry("audio/vnd.wave", MediaKind.AUDIO, "wav"),
      entry("audio/x-wav", MediaKind.AUDIO, "wav"),
      entry("audio/wav", MediaKind.AUDIO, "wav"),
      entry("audio/mpeg", MediaKind.AUDIO, "mp3"),
      entry("audio/x-flac", MediaKind.AUDIO, "flac"),
      entry("audio/flac", MediaKind.AUDIO, "flac"),
      entry("audio/ogg", MediaKind.AUDIO, "ogg"),
      entry("audio/vorbis", MediaKind.AUDIO, "ogg"),
      entry("audio/opus", MediaKind.AUDIO, "ogg"),
      entry("audio/mp4", MediaKind.AUDIO, "mov,mp4,m4a,3gp,3g2,mj2"),
      entry("video/mp4", MediaKind.VIDEO, "mov,mp4,m4a,3gp,3g2,mj2"),
      entry("video/quicktime", MediaKind.VIDEO, "mov,mp4,m4a,3gp,3g2,mj2"),
      entry("video/webm", MediaKind.VIDEO, "matroska,webm"),
      entry("video/x-matroska", MediaKind.VIDEO, "matroska,webm"),
      entry("application/x-matroska", MediaKind.VIDEO, "matroska,webm"));

  static Optional<DetectedFormat> of(String mimeType) {
    return Optional.ofNullable(ACCEPTED.get(mimeType));
  }

  /** The usual file extension of this type, for a kept original. */
  String extension() {
    return switch (mimeType) {
      case "image/png" -> "png";
      case "image/jpeg" -> "jpg";
      case "image/webp" -> "webp";
      case "audio/mpeg" -> "mp3";
      case "audio/x-flac", "audio/flac" -> "flac";
      case "audio/ogg", "audio/vorbis", "audio/opus" -> "ogg";
      case "audio/mp4" -> "m4a";
      case "video/mp4" -> "mp4";
      case "video/quicktime" -> "mov";
      case "video/webm" -> "webm";
      case "video/x-matroska", "application/x-matroska" -> "mkv";
      default -> "wav";
    };
  }

  /** The single demuxer name to force with {@code -f}. */
  String forcedFormat() {
    return demuxer.contains("mp4") ? "mp4" : demuxer.contains("webm") ? "matroska" : demuxer;
  }

  private static Map.Entry<String, DetectedFormat> entry(
      String mime, MediaKind kind, String demuxer) {
    return Map.entry(mime, new DetectedFormat(mime, kind, demuxer));
  }
}
