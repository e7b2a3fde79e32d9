package app.kinora.media.internal;

import app.kinora.media.MediaKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Re-encodes an accepted upload into Kinora's canonical form in a child process, dropping every
 * container and stream tag, chapters, cover art and extra streams: images become PNG (at most
 * 3840 pixels on the long side), audio
 * becomes 48 kHz mono PCM WAV, video becomes H.264/AAC MP4 (at most 1920 pixels on its long
 * side). What a renderer or a model provider later receives is this copy, never the original.
 */
final class Sanitiser {

  /**
   * FFmpeg applies an EXIF or display-matrix orientation to the pixels first (autorotate); then
   * every frame side data goes, EXIF included — FFmpeg 8's PNG encoder would otherwise copy the
   * whole EXIF block (camera, GPS) into an {@code eXIf} chunk, which {@code -map_metadata -1}
   * does not touch.
   */
  private static final String DROP_SIDE_DATA = "sidedata=mode=delete";

  private Sanitiser() {}

  static String extension(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> "png";
      case AUDIO -> "wav";
      case VIDEO -> "mp4";
    };
  }

  static void sanitise(
      Path original, DetectedFormat format, Duration maxDuration, Path target, Duration timeout) {
    var command = new ArrayList<>(List.of(
        FfmpegBinaries.ffmpeg(),
        "-v",
        "error",
        "-nostdin",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        format.demuxer(),
        "-f",
        format.forcedFormat(),
        "-i",
        "file:" + original.toAbsolutePath(),
        "-map_metadata",
        "-1",
        "-map_chapters",
        "-1",
        "-fflags",
        "+bitexact"));
    command.addAll(
        switch (format.kind()) {
          case IMAGE ->
            List.of(
                "-map",
                "0:v:0",
                "-frames:v",
                "1",
                "-vf",
                "scale='if(gt(iw,ih),min(3840,iw),-2)':'if(gt(iw,ih),-2,min(3840,ih))',"
                    + DROP_SIDE_DATA,
                "-c:v",
                "png",
                "-f",
                "image2",
                "-update",
                "1");
          case AUDIO ->
            List.of(
                "-map",
                "0:a:0",
                "-t",
                seconds(maxDuration),
                "-ac",
                "1",
                "-ar",
                "48000",
                "-c:a",
                "pcm_s16le",
                "-flags:a",
                "+bitexact",
                "-f",
                "wav");
          case VIDEO ->
            List.of(
                "-map",
                "0:v:0",
                "-map",
                "0:a:0?",
                "-t",
                seconds(maxDuration),
                "-vf",
                "scale='if(gt(iw,ih),min(1920,iw),-2)':'if(gt(iw,ih),-2,min(1920,ih))',format=yuv420p,"
                    + DROP_SIDE_DATA,
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                "-crf",
                "20",
                "-flags:v",
                "+bitexact",
                "-c:a",
                "aac",
                "-b:a",
                "128k",
                "-flags:a",
                "+bitexact",
                "-movflags",
                "+faststart",
                "-f",
                "mp4");
        });
    command.addAll(List.of("-y", "file:" + target.toAbsolutePath()));
    SandboxedProcess.run(command, timeout);
  }

  private static String seconds(Duration duration) {
    return String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0);
  }
}
