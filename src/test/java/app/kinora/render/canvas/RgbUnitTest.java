package app.kinora.render.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RgbUnitTest {

  @Test
  void addingLightClipsEachChannelAtWhiteOnItsOwn() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        int sum = Math.min(255, a + b);
        assertThat(Rgb.add(a << 16, b << 16)).isEqualTo(sum << 16);
        assertThat(Rgb.add(a << 8, b << 8)).isEqualTo(sum << 8);
        assertThat(Rgb.add(a, b)).isEqualTo(sum);
      }
    }
  }

  @Test
  void addingLightMatchesThreeClampedSums() {
    var random = new SplittableRandom(11);
    for (int n = 0; n < 1_000_000; n++) {
      int a = random.nextInt() & 0xffffff;
      int b = random.nextInt() & (n % 2 == 0 ? 0xffffff : 0x3f3f3f);
      assertThat(Rgb.add(a, b)).isEqualTo(clampedSum(a, b));
    }
  }

  @Test
  void blendingGoesFromUnderToOver() {
    assertThat(Rgb.blend(0x102030, 0xf0e0d0, 0)).isEqualTo(0x102030);
    assertThat(Rgb.blend(0x102030, 0xf0e0d0, 256)).isEqualTo(0xf0e0d0);
    assertThat(Rgb.blend(0x000000, 0xffffff, 128)).isEqualTo(0x7f7f7f);
  }

  private static int clampedSum(int a, int b) {
    return Math.min(255, Rgb.red(a) + Rgb.red(b)) << 16
        | Math.min(255, Rgb.green(a) + Rgb.green(b)) << 8
        | Math.min(255, Rgb.blue(a) + Rgb.blue(b));
  }
}
