package app.kinora.media.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaProbe;
import app.kinora.media.MediaProperties;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Probes finished videos with {@link Ffprobe}, allowing only the MP4 demuxer. */
@Component
class ChildProcessProbe implements MediaProbe {

  private static final String MP4_DEMUXER = "mov,mp4,m4a,3gp,3g2,mj2";

  private final Duration timeout;

  ChildProcessProbe(MediaProperties properties) {
    this.timeout = properties.probeTimeout();
  }

  @Override
  public MediaInfo probeMp4(Path file) {
    return Ffprobe.probe(file, "mp4", MP4_DEMUXER, Ffprobe.isFastStart(file), timeout);
  }
}
