package app.kinora.media.internal;

import app.kinora.media.MediaProperties;
import app.kinora.media.SpriteSheet;
import app.kinora.media.VideoDerivatives;
import app.kinora.shared.VideoSize;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Posters and sprite sheets made by the bundled {@code ffmpeg} in a {@link SandboxedProcess}. */
@Component
class FfmpegDerivatives implements VideoDerivatives {

  private final Duration timeout;

  FfmpegDerivatives(MediaProperties properties) {
    this.timeout = properties.probeTimeout();
  }

  @Override
  public void poster(Path video, Duration at, Path jpeg) {
    var command = input(video, at);
    command.addAll(List.of("-frames:v", "1", "-vf", "scale='min(1280,iw)':-2", "-q:v", "3"));
    run(command, jpeg);
  }

  @Override
  public SpriteSheet spriteSheet(Path video, Duration duration, VideoSize size, Path jpeg) {
    var layout = SpriteSheet.forVideo(size, duration);
    var tiles = layout.tiles();
    var seconds = Math.max(0.001, duration.toMillis() / 1000.0);
    var command = input(video, Duration.ZERO);
    command.addAll(List.of(
        "-frames:v",
        "1",
        "-q:v",
        "4",
        "-vf",
        String.format(
            Locale.ROOT,
            "fps=%.6f,scale=%d:-2,tile=%dx%d",
            tiles / seconds,
            layout.tileWidth(),
            layout.columns(),
            layout.rows())));
    run(command, jpeg);
    return layout;
  }

  private static List<String> input(Path video, Duration at) {
    var command = new ArrayList<>(List.of(
        FfmpegBinaries.ffmpeg(),
        "-v",
        "error",
        "-nostdin",
        "-protocol_whitelist",
        "file",
        "-format_whitelist",
        "mov,mp4,m4a,3gp,3g2,mj2",
        "-f",
        "mp4"));
    if (!at.isZero()) {
      command.addAll(List.of("-ss", String.format(Locale.ROOT, "%.3f", at.toMillis() / 1000.0)));
    }
    command.addAll(List.of("-i", "file:" + video.toAbsolutePath(), "-map_metadata", "-1", "-an"));
    return command;
  }

  private void run(List<String> command, Path jpeg) {
    var full = new ArrayList<>(command);
    full.addAll(List.of("-f", "image2", "-update", "1", "-y", "file:" + jpeg.toAbsolutePath()));
    SandboxedProcess.run(full, timeout);
  }
}
