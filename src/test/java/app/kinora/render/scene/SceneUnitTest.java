package app.kinora.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.render.RendererGallery;
import app.kinora.render.canvas.Rgb;
import app.kinora.render.layers.Layout;
import app.kinora.render.prompt.PromptReader;
import app.kinora.shared.VideoSize;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SceneUnitTest {

  private static final VideoSize SMALL = new VideoSize(192, 108);

  @Test
  void theSameInputsDrawTheSameFrames() {
    var first = new Scene("Stars and aurora over a frozen lake", 9, SMALL, true);
    var second = new Scene("Stars and aurora over a frozen lake", 9, SMALL, true);

    for (double seconds : new double[] {0, 1.5, 3}) {
      assertThat(frame(first, seconds)).isEqualTo(frame(second, seconds));
    }
  }

  @Test
  void galleryScenesLookClearlyDifferentFromEachOther() {
    List<double[]> looks = new ArrayList<>();
    for (var prompt : RendererGallery.PROMPTS) {
      looks.add(look(frame(new Scene(prompt, 7, SMALL, false), 2)));
    }
    for (int a = 0; a < looks.size(); a++) {
      for (int b = a + 1; b < looks.size(); b++) {
        assertThat(distance(looks.get(a), looks.get(b)))
            .as("%s vs %s", RendererGallery.PROMPTS.get(a), RendererGallery.PROMPTS.get(b))
            .isGreaterThan(12);
      }
    }
  }

  @Test
  void unknownWordsChangeThePicture() {
    var castle = frame(new Scene("a castle on the hills", 1, SMALL, false), 1);
    var dragon = frame(new Scene("a dragon on the hills", 1, SMALL, false), 1);

    assertThat(castle).isNotEqualTo(dragon);
  }

  @Test
  void theSeedChangesThePicture() {
    assertThat(frame(new Scene("Desert dunes at noon", 1, SMALL, false), 1))
        .isNotEqualTo(frame(new Scene("Desert dunes at noon", 2, SMALL, false), 1));
  }

  @Test
  void framesMoveOverTimeEvenWithoutCameraWords() {
    var scene = new Scene("Snowy mountains at sunrise", 1, SMALL, false);

    assertThat(frame(scene, 0)).isNotEqualTo(frame(scene, 1));
  }

  @Test
  void cameraWordsChangeHowTheSceneMoves() {
    var prompts = List.of(
        "mountains",
        "pan over mountains",
        "zoom in on mountains",
        "zoom out from mountains",
        "dolly into mountains",
        "orbit around mountains",
        "aerial shot of mountains",
        "close-up of mountains",
        "mountains in slow motion");
    List<int[]> lastFrames = new ArrayList<>();
    for (var prompt : prompts) {
      var camera =
          new Camera(PromptReader.read(prompt), Layout.of(PromptReader.read(prompt), 192, 108));
      var start = camera.at(0, 0);
      var end = camera.at(4, 1);
      lastFrames.add(new int[] {
        (int) (start.zoom() * 1000),
        (int) (end.zoom() * 1000),
        (int) (end.dolly() * 1000),
        (int) end.shift(1),
        (int) (end.time() * 1000)
      });
      assertThat(start.time()).isZero();
    }
    assertThat(lastFrames).extracting(java.util.Arrays::toString).doesNotHaveDuplicates();
  }

  @Test
  void theCaptionShowsOnlyWhenAskedFor() {
    var with = frame(new Scene("A quiet lake at dawn", 3, SMALL, true), 1);
    var without = frame(new Scene("A quiet lake at dawn", 3, SMALL, false), 1);

    assertThat(with).isNotEqualTo(without);
  }

  @Test
  void drawsEveryKindOfSceneInEveryShapeOfFrame() {
    var prompts = List.of(
        "a beach with palms at sunset",
        "a city by the sea at dusk",
        "forest mountains in fog",
        "a desert canyon at dawn, aerial",
        "a planet in deep space, orbit",
        "a jellyfish underwater, close-up",
        "a thunderstorm over a lake",
        "arctic tundra in a blizzard",
        "a campfire by the lake, zoom out",
        "pastel dreamy hills",
        "a red car",
        "");
    for (var size : List.of(
        new VideoSize(96, 54),
        new VideoSize(54, 96),
        new VideoSize(64, 64),
        new VideoSize(64, 48))) {
      for (var prompt : prompts) {
        var scene = new Scene(prompt, 11, size, true);
        assertThat(frame(scene, 0))
            .as("%s at %s", prompt, size)
            .hasSize(size.width() * size.height());
        assertThat(frame(scene, 5)).hasSize(size.width() * size.height());
      }
    }
  }

  private static int[] frame(Scene scene, double seconds) {
    return scene.draw(seconds, Math.min(1, seconds / 4)).pixels.clone();
  }

  /** Mean colour of each third of the frame, top to bottom: a coarse picture of a scene. */
  private static double[] look(int[] pixels) {
    var look = new double[9];
    int rows = SMALL.height();
    for (int i = 0; i < pixels.length; i++) {
      int band = Math.min(2, (i / SMALL.width()) * 3 / rows);
      look[band * 3] += Rgb.red(pixels[i]);
      look[band * 3 + 1] += Rgb.green(pixels[i]);
      look[band * 3 + 2] += Rgb.blue(pixels[i]);
    }
    for (int i = 0; i < look.length; i++) {
      look[i] /= pixels.length / 3.0;
    }
    return look;
  }

  private static double distance(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += (a[i] - b[i]) * (a[i] - b[i]);
    }
    return Math.sqrt(sum / 3);
  }
}
