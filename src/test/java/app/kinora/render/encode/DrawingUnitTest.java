package app.kinora.render.encode;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.render.scene.Scene;
import app.kinora.render.stills.Stills;
import app.kinora.shared.VideoSize;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DrawingUnitTest {

  private static final VideoSize SIZE = new VideoSize(96, 54);
  private static final int FRAMES = 24;

  @Test
  void handsOutEveryFrameInOrderUntouchedWhileTheWorkerDrawsAhead() throws Exception {
    var direct = new Scene("Neon city at night in the rain", 4, SIZE, true);
    var converter = new Yuv420(SIZE.width(), SIZE.height());
    var expected = ByteBuffer.allocateDirect(SIZE.width() * SIZE.height() * 3 / 2);
    var ahead = new Scene("Neon city at night in the rain", 4, SIZE, true);
    try (var drawing = new Drawing(
        ahead,
        new Yuv420(SIZE.width(), SIZE.height()),
        () -> ByteBuffer.allocateDirect(SIZE.width() * SIZE.height() * 3 / 2),
        FRAMES,
        24,
        new Stills(SIZE, Duration.ofSeconds(1), FRAMES))) {
      for (int frame = 0; frame < FRAMES; frame++) {
        var buffer = drawing.next();
        Thread.sleep(2); // a slow consumer, like the encoder, gives the worker time to race ahead
        converter.convert(direct.draw(frame / 24.0, frame / (FRAMES - 1.0)), expected);
        assertThat(buffer.mismatch(expected)).as("frame %d", frame).isEqualTo(-1);
      }
    }
  }
}
