package app.kinora.render.encode;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.render.canvas.Canvas;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Yuv420UnitTest {

  /** The suite starts the JVM with the Vector API, as the launcher does. */
  @Test
  void theVectorKernelIsTheOneInUseOnceWarmWhereTheProcessorHasWideVectors() {
    Yuv420.warmUp();

    assertThat(Yuv420.conversion()).startsWith("vector, ");
  }

  /** Sizes whose rows fill whole vectors, and sizes that leave ends for the scalar code. */
  @ParameterizedTest
  @CsvSource({"1280, 720", "854, 480", "1080, 1920", "96, 54", "2, 2", "34, 6"})
  void theVectorKernelGivesTheScalarKernelsBytes(int width, int height) {
    var canvas = new Canvas(width, height);
    var random = new SplittableRandom(width * 31L + height);
    for (int i = 0; i < canvas.pixels.length; i++) {
      canvas.pixels[i] = random.nextInt() & 0xffffff;
    }
    canvas.pixels[0] = 0xffffff;
    canvas.pixels[canvas.pixels.length - 1] = 0xffffff;

    var scalar = converted(new Yuv420(width, height, new ScalarPlanes()), canvas);
    var vector =
        converted(new Yuv420(width, height, VectorPlanes.ifWorthIt().orElseThrow()), canvas);

    assertThat(vector.mismatch(scalar)).isEqualTo(-1);
  }

  @Test
  void convertersTakeTheVectorKernelOnceItIsWarm() {
    Yuv420.warmUp();

    var warm = new Yuv420(64, 4);
    var canvas = new Canvas(64, 4);
    var expected = converted(new Yuv420(64, 4, new ScalarPlanes()), canvas);
    assertThat(converted(warm, canvas).mismatch(expected)).isEqualTo(-1);
    assertThat(warm.kernel()).isInstanceOf(VectorPlanes.class);
  }

  @Test
  void whiteBlackAndGreyLandOnTheLimitedRangeLevels() {
    var canvas = new Canvas(64, 4);
    for (int i = 0; i < canvas.pixels.length; i++) {
      canvas.pixels[i] = switch ((i % 64) / 16) {
        case 0 -> 0xffffff;
        case 1 -> 0x000000;
        case 2 -> 0x808080;
        default -> 0xff0000;
      };
    }
    var planes = converted(new Yuv420(64, 4, VectorPlanes.ifWorthIt().orElseThrow()), canvas);

    assertThat(Byte.toUnsignedInt(planes.get(0))).isEqualTo(235);
    assertThat(Byte.toUnsignedInt(planes.get(16))).isEqualTo(16);
    assertThat(Byte.toUnsignedInt(planes.get(32))).isEqualTo(126);
    int u = 64 * 4;
    int v = u + 64 * 4 / 4;
    assertThat(Byte.toUnsignedInt(planes.get(u))).isEqualTo(128);
    assertThat(Byte.toUnsignedInt(planes.get(v + 8))).isEqualTo(128);
    assertThat(Byte.toUnsignedInt(planes.get(v + 24))).isEqualTo(240);
  }

  private static ByteBuffer converted(Yuv420 converter, Canvas canvas) {
    var target = ByteBuffer.allocateDirect(canvas.width * canvas.height * 3 / 2);
    converter.convert(canvas, target);
    return target;
  }
}
