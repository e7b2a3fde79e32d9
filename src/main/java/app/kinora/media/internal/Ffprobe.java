package app.kinora.media.internal;

import app.kinora.media.MediaInfo;
import app.kinora.media.MediaRejected;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs {@code ffprobe} with one forced demuxer and only the {@code file} protocol. */
final class Ffprobe {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Ffprobe() {}

  static MediaInfo probe(
      Path file, String forcedFormat, String allowedDemuxers, boolean fastStart, Duration timeout) {
    var output = SandboxedProcess.run(
        List.of(
            FfmpegBinaries.ffprobe(),
            "-v",
            "error",
            "-protocol_whitelist",
            "file",
            "-format_whitelist",
            allowedDemuxers,
            "-f",
            forcedFormat,
            "-show_format",
            "-show_streams",
            "-of",
            "json",
            "file:" + file.toAbsolutePath()),
        timeout);
    try {
      return parse(JSON.readTree(output), fastStart);
    } catch (RuntimeException e) {
      throw new MediaRejected("The file could not be read.", e);
    }
  }

  private static MediaInfo parse(JsonNode root, boolean fastStart) {
    var format = root.path("format");
    var streams = new ArrayList<MediaInfo.Stream>();
    for (var stream : root.path("streams")) {
      if (stream.path("disposition").path("attached_pic").asInt(0) == 1) {
        continue; // cover art of an audio file, dropped when sanitising
      }
      streams.add(new MediaInfo.Stream(
          stream.path("codec_type").asString(""),
          stream.path("codec_name").asString(""),
          stream.path("width").asInt(0),
          stream.path("height").asInt(0),
          stream.path("sample_rate").asInt(0)));
    }
    var seconds = parseSeconds(format.path("duration").asString("0"));
    return new MediaInfo(
        format.path("format_name").asString(""),
        Duration.ofNanos(Math.round(seconds * 1e9)),
        streams,
        fastStart);
  }

  private static double parseSeconds(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  static boolean isFastStart(Path file) {
    try {
      return Mp4Layout.isFastStart(file);
    } catch (IOException e) {
      return false;
    }
  }
}
