package app.kinora.render.stills;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ShrinkUnitTest {

  @Test
  void averagesWholeBlocksChannelByChannel() {
    int[] picture = {
      0x000000, 0xff0000, 0x102030, 0x102030,
      0x0000ff, 0x00ff00, 0x102030, 0x102030
    };
    var small = new int[2];

    Shrink.into(picture, 4, 2, 2, 1, small, 0, 2);

    assertThat(small).containsExactly(0x404040, 0x102030);
  }

  @Test
  void countsPixelsCutByAnEdgeByHowMuchOfThemItCovers() {
    int[] grey = {0x000000, 0x5a5a5a, 0xb4b4b4}; // 0, 90, 180 into two pixels of 1.5 each
    var small = new int[2];

    Shrink.into(grey, 3, 1, 2, 1, small, 0, 2);

    assertThat(small)
        .containsExactly(0x1e1e1e, 0x969696); // (0 + 45) / 1.5 = 30, (45 + 180) / 1.5 = 150
  }

  @Test
  void writesIntoItsPlaceInALargerPictureAndLeavesTheRestAlone() {
    int[] white = new int[6 * 4];
    Arrays.fill(white, 0xffffff);
    var sheet = new int[4 * 3];

    Shrink.into(white, 6, 4, 3, 2, sheet, 1 * 4 + 1, 4);

    assertThat(sheet)
        .containsExactly(
            0, 0, 0, 0, 0, 0xffffff, 0xffffff, 0xffffff, 0, 0xffffff, 0xffffff, 0xffffff);
  }

  @Test
  void copiesAPictureThatAlreadyHasTheSize() {
    int[] picture = {1, 2, 3, 4, 5, 6};
    var copy = new int[6];

    Shrink.into(picture, 3, 2, 3, 2, copy, 0, 3);

    assertThat(copy).containsExactly(picture);
  }
}
