package app.kinora.media.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaProbe;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs FFmpeg's bundled {@code ffprobe} in a {@link SandboxedProcess}, with only the {@code file}
 * protocol and the MP4 demuxer allowed.
 */
@Component
class ChildProcessProbe implements MediaProbe {

  private final Duration timeout;
  private final JsonMapper json = JsonMapper.builder().build();

  ChildProcessProbe(MediaProperties properties) {
    this.timeout = properties.probeTimeout();
  }

  @Override
  public MediaInfo probeMp4(Path file) {
    var output = SandboxedProcess.run(
        List.of(
            FfmpegBinaries.ffprobe(), "-v", "error",
            "-protocol_whitelist", "file",
            "-format_whitelist", "mov,mp4,m4a,3gp,3g2,mj2",
            "-f", "mp4",
            "-show_format", "-show_streams", "-of", "json",
            "file:" + file.toAbsolutePath()),
        timeout);
    try {
      return parse(json.readTree(output), Mp4Layout.isFastStart(file));
    } catch (IOException | RuntimeException e) {
      throw new MediaRejected("The file could not be read as MP4 video.", e);
    }
  }

  private static MediaInfo parse(JsonNode root, boolean fastStart) {
    var format = root.path("format");
    var streams = new ArrayList<MediaInfo.Stream>();
    for (var stream : root.path("streams")) {
      streams.add(
          new MediaInfo.Stream(
              stream.path("codec_type").asString(""),
              stream.path("codec_name").asString(""),
              stream.path("width").asInt(0),
              stream.path("height").asInt(0),
              stream.path("sample_rate").asInt(0)));
    }
    var seconds = Double.parseDouble(format.path("duration").asString("0"));
    return new MediaInfo(
        format.path("format_name").asString(""),
        Duration.ofNanos(Math.round(seconds * 1e9)),
        streams,
        fastStart);
  }
}
