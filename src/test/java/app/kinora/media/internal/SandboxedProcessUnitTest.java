package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxedProcessUnitTest {

  @Test
  void refusesAnFfmpegCommandThatDoesNotLimitProtocolsToFile() {
    for (var command : List.of(
        List.of("ffmpeg", "-i", "file:x.mp4"),
        List.of("ffmpeg", "-protocol_whitelist", "file,http", "-i", "file:x.mp4"),
        List.of("ffmpeg", "-protocol_whitelist", "file", "-protocol_whitelist", "hls", "-i", "x"),
        List.of("ffmpeg", "-protocol_whitelist"),
        // a second input needs its own whitelist
        List.of("ffmpeg", "-protocol_whitelist", "file", "-i", "file:a.mp4", "-i", "file:b.mp4"))) {
      assertThatThrownBy(() -> SandboxedProcess.confined(command))
          .as(command.toString())
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatCode(() ->
            SandboxedProcess.confined(List.of("ffprobe", "-protocol_whitelist", "file", "file:x")))
        .doesNotThrowAnyException();
    assertThatCode(() -> SandboxedProcess.confined(List.of(
            "ffmpeg",
            "-protocol_whitelist",
            "file",
            "-i",
            "file:a.mp4",
            "-protocol_whitelist",
            "file",
            "-i",
            "file:b.mp4")))
        .doesNotThrowAnyException();
  }
}
