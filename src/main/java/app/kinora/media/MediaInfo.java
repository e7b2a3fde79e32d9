package app.kinora.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What ffprobe found in a media file.
 *
 * @param container the demuxer's format names, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}
 * @param duration the container duration
 * @param streams every stream of the file
 * @param fastStart whether an MP4's index (moov) precedes its media data, so playback can start
 *     before the download ends
 */
public record MediaInfo(
    String container, Duration duration, List<Stream> streams, boolean fastStart) {

  public MediaInfo {
    streams = List.copyOf(streams);
  }

  /** One stream: {@code type} is video, audio, subtitle or data. */
  public record Stream(String type, String codec, int width, int height, int sampleRate) {}

  public Optional<Stream> video() {
    return streams.stream().filter(s -> s.type().equals("video")).findFirst();
  }

  public Optional<Stream> audio() {
    return streams.stream().filter(s -> s.type().equals("audio")).findFirst();
  }
}
