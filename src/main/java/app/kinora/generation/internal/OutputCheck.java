package app.kinora.generation.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaProbe;
import app.kinora.media.MediaRejected;
import app.kinora.shared.VideoSize;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Checks that a video a provider made (or a stitched extension) is what was asked, probed in a
 * child process: its size, its length (within 150 ms) and its index at the front of the file, so
 * players can start before the download ends.
 */
@Component
class OutputCheck {

  private static final Duration DURATION_TOLERANCE = Duration.ofMillis(150);

  private final MediaProbe probe;

  OutputCheck(MediaProbe probe) {
    this.probe = probe;
  }

  /** @throws MediaRejected saying what is wrong with it */
  void check(Path video, VideoSize size, int seconds) {
    check(probe.probeMp4(video), size, seconds);
  }

  private static void check(MediaInfo info, VideoSize size, int seconds) {
    var video = info.video().orElseThrow(() -> new MediaRejected("it has no video stream"));
    if (video.width() != size.width() || video.height() != size.height()) {
      throw new MediaRejected("it is %dx%d, not %s".formatted(video.width(), video.height(), size));
    }
    var expected = Duration.ofSeconds(seconds);
    if (info.duration().minus(expected).abs().compareTo(DURATION_TOLERANCE) > 0) {
      throw new MediaRejected(
          "it lasts %d ms, not %d s".formatted(info.duration().toMillis(), seconds));
    }
    if (!info.fastStart()) {
      throw new MediaRejected("its index is not at the front of the file");
    }
  }
}
