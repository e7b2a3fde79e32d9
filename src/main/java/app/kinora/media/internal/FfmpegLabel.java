package app.kinora.media.internal;

import app.kinora.media.MediaProperties;
import app.kinora.media.VisibleLabel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;

/** The label drawn by FFmpeg's {@code drawtext} in a sandboxed child process. */
@Component
class FfmpegLabel implements VisibleLabel {

  private static final List<Path> FONTS = List.of(
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"),
      Path.of("/usr/share/fonts/TTF/DejaVuSans-Bold.ttf"),
      Path.of("/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf"));

  private final MediaProperties properties;

  FfmpegLabel(MediaProperties properties) {
    this.properties = properties;
  }

  @Override
  public void draw(Path source, Path target, String text) {
    if (!text.matches("[A-Za-z0-9 -]{1,40}")) {
      throw new IllegalArgumentException("a label is a few plain words: " + text);
    }
    // a size that reads on a phone yet covers little: a 24th of the height, a margin of a 40th
    var filter = "drawtext=" + font() + ":text='" + text + "':fontsize=h/24:fontcolor=white@0.9"
        + ":box=1:boxcolor=black@0.45:boxborderw=8:x=w-tw-h/40-8:y=h-th-h/40-8";
    SandboxedProcess.run(
        List.of(
            FfmpegBinaries.ffmpeg(),
            "-v",
            "error",
            "-nostdin",
            "-protocol_whitelist",
            "file",
            "-format_whitelist",
            "mov,mp4,m4a,3gp,3g2,mj2",
            "-f",
            "mp4",
            "-i",
            "file:" + source.toAbsolutePath(),
            "-map",
            "0:v:0",
            "-map",
            "0:a?",
            "-vf",
            filter,
            "-c:v",
            "libx264",
            "-preset",
            "veryfast",
            "-crf",
            "18",
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "copy",
            "-map_metadata",
            "-1",
            "-fflags",
            "+bitexact",
            "-movflags",
            "+faststart",
            "-f",
            "mp4",
            "-y",
            "file:" + target.toAbsolutePath()),
        properties.probeTimeout().multipliedBy(5));
  }

  private static String font() {
    return FONTS.stream()
        .filter(Files::isReadable)
        .findFirst()
        .map(path -> "fontfile=" + path)
        .orElse("font=Sans");
  }
}
