package app.kinora.media.internal;

import app.kinora.media.MediaRejected;
import app.kinora.media.VideoFrames;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Streams raw frames from the bundled {@code ffmpeg}, confined like every media child process. */
@Component
class FfmpegFrames implements VideoFrames {

  @Override
  public FrameStream open(Path video, VideoSize size, int framesPerSecond, Duration duration) {
    var command = List.of(
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
        "-stream_loop",
        "-1",
        "-i",
        "file:" + video.toAbsolutePath(),
        "-t",
        String.format(Locale.ROOT, "%.3f", duration.toMillis() / 1000.0),
        "-an",
        "-vf",
        String.format(
            Locale.ROOT,
            "scale=%d:%d:force_original_aspect_ratio=increase,crop=%d:%d,fps=%d,format=bgr24",
            size.width(),
            size.height(),
            size.width(),
            size.height(),
            framesPerSecond),
        "-f",
        "rawvideo",
        "pipe:1");
    try {
      return new ProcessFrames(SandboxedProcess.confined(command)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start());
    } catch (IOException e) {
      throw new MediaRejected("The media tools could not run.", e);
    }
  }

  private record ProcessFrames(Process process) implements FrameStream {

    @Override
    public boolean next(byte[] bgr) {
      try {
        InputStream in = process.getInputStream();
        return in.readNBytes(bgr, 0, bgr.length) == bgr.length;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      process.destroyForcibly();
    }
  }
}
