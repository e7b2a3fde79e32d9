package app.kinora.media.internal;

import app.kinora.media.MediaProbe;
import app.kinora.media.MediaProperties;
import app.kinora.media.StillPictures;
import app.kinora.media.VideoStitching;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Joins videos and converts pictures with the bundled {@code ffmpeg} in a {@link SandboxedProcess},
 * reading only files (never a URL or a playlist) with the demuxers forced.
 */
@Component
class FfmpegStitching implements VideoStitching, StillPictures {

  private static final String MP4_DEMUXERS = "mov,mp4,m4a,3gp,3g2,mj2";

  private final MediaProbe probe;
  private final Duration timeout;

  FfmpegStitching(MediaProbe probe, MediaProperties properties) {
    this.probe = probe;
    this.timeout = properties.probeTimeout();
  }

  @Override
  public void stitch(Path first, Path second, Path output) {
    boolean sound = probe.probeMp4(first).audio().isPresent()
        && probe.probeMp4(second).audio().isPresent();
    var command = new ArrayList<>(List.of(FfmpegBinaries.ffmpeg(), "-v", "error", "-nostdin"));
    for (var input : List.of(first, second)) {
      command.addAll(List.of(
          "-protocol_whitelist",
          "file",
          "-format_whitelist",
          MP4_DEMUXERS,
          "-f",
          "mp4",
          "-i",
          "file:" + input.toAbsolutePath()));
    }
    command.addAll(List.of(
        "-filter_complex",
        sound ? "[0:v][0:a][1:v][1:a]concat=n=2:v=1:a=1[v][a]" : "[0:v][1:v]concat=n=2:v=1:a=0[v]",
        "-map",
        "[v]"));
    if (sound) {
      command.addAll(List.of("-map", "[a]", "-c:a", "aac", "-b:a", "160k"));
    }
    command.addAll(List.of(
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-crf",
        "20",
        "-pix_fmt",
        "yuv420p",
        "-map_metadata",
        "-1",
        "-movflags",
        "+faststart",
        "-f",
        "mp4",
        "-y",
        "file:" + output.toAbsolutePath()));
    SandboxedProcess.run(command, timeout);
  }

  @Override
  public void toWebp(Path picture, Path webp) {
    SandboxedProcess.run(
        List.of(
            FfmpegBinaries.ffmpeg(),
            "-v",
            "error",
            "-nostdin",
            "-protocol_whitelist",
            "file",
            "-format_whitelist",
            "image2,jpeg_pipe,png_pipe",
            "-i",
            "file:" + picture.toAbsolutePath(),
            "-map_metadata",
            "-1",
            "-c:v",
            "libwebp",
            "-quality",
            "85",
            "-f",
            "webp",
            "-y",
            "file:" + webp.toAbsolutePath()),
        timeout);
  }
}
