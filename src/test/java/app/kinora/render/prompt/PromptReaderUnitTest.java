package app.kinora.render.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.render.prompt.SceneSpec.Feature;
import app.kinora.render.prompt.SceneSpec.Move;
import app.kinora.render.prompt.SceneSpec.Place;
import app.kinora.render.prompt.SceneSpec.TimeOfDay;
import app.kinora.render.prompt.SceneSpec.Weather;
import org.junit.jupiter.api.Test;

class PromptReaderUnitTest {

  @Test
  void readsPlaceTimeAndWeatherFromKnownWords() {
    var spec = PromptReader.read("Snowy mountains at sunrise");

    assertThat(spec.places()).containsExactly(Place.MOUNTAINS);
    assertThat(spec.time()).isEqualTo(TimeOfDay.DAWN);
    assertThat(spec.weather()).isEqualTo(Weather.SNOW);
  }

  @Test
  void combinesSeveralSettingsAndElements() {
    var spec = PromptReader.read("Neon city at night in the rain, by the sea");

    assertThat(spec.places()).contains(Place.CITY, Place.SEA);
    assertThat(spec.features()).contains(Feature.NEON, Feature.STARS);
    assertThat(spec.time()).isEqualTo(TimeOfDay.NIGHT);
    assertThat(spec.weather()).isEqualTo(Weather.RAIN);
  }

  @Test
  void readsCameraWordsIncludingTwoWordPhrases() {
    assertThat(PromptReader.read("zoom in on a lake").moves()).containsExactly(Move.ZOOM_IN);
    assertThat(PromptReader.read("zoom out from a lake").moves()).containsExactly(Move.ZOOM_OUT);
    assertThat(PromptReader.read("a close-up of a fire in slow motion").moves())
        .containsExactlyInAnyOrder(Move.CLOSE_UP, Move.SLOW_MOTION);
    assertThat(PromptReader.read("aerial drone shot, dolly, orbit and pan").moves())
        .containsExactlyInAnyOrder(Move.AERIAL, Move.DOLLY, Move.ORBIT, Move.PAN);
  }

  @Test
  void readsMoodAndColourWordsIntoTheGrade() {
    assertThat(PromptReader.read("a warm meadow").grade().warmth()).isPositive();
    assertThat(PromptReader.read("a cold meadow").grade().warmth()).isNegative();
    assertThat(PromptReader.read("a pastel meadow").grade().saturation()).isLessThan(1);
    assertThat(PromptReader.read("a dark meadow").grade().brightness()).isLessThan(1);
    assertThat(PromptReader.read("a dreamy meadow").grade().softness()).isPositive();
    assertThat(PromptReader.read("a blue meadow").grade().tintHue()).isEqualTo(0.6);
  }

  @Test
  void impliesNightForStarsAuroraFirefliesAndFire() {
    for (var prompt : new String[] {"stars over hills", "an aurora", "fireflies", "a campfire"}) {
      assertThat(PromptReader.read(prompt).time()).as(prompt).isEqualTo(TimeOfDay.NIGHT);
    }
  }

  @Test
  void picksASettingWhenThePromptNamesNone() {
    assertThat(PromptReader.read("a red car").places()).containsExactly(Place.HILLS);
    assertThat(PromptReader.read("a deep space nebula").places()).containsExactly(Place.SPACE);
    assertThat(PromptReader.read("a nebula").places()).containsExactly(Place.SPACE);
    assertThat(PromptReader.read("campfire sparks at night").places())
        .containsExactlyInAnyOrder(Place.FOREST, Place.HILLS);
  }

  @Test
  void unknownWordsShiftHueAndPaceButNotTheSetting() {
    var castle = PromptReader.read("a castle on the hills");
    var dragon = PromptReader.read("a dragon on the hills");

    assertThat(castle.places()).isEqualTo(dragon.places());
    assertThat(castle.grade().hueShift()).isNotEqualTo(dragon.grade().hueShift());
    assertThat(castle.pace()).isNotEqualTo(dragon.pace());
    assertThat(castle.variation()).isNotEqualTo(dragon.variation());
  }

  @Test
  void theSamePromptAlwaysReadsTheSame() {
    var prompt = "A slow aerial shot over snowy mountains at sunrise";

    assertThat(PromptReader.read(prompt)).isEqualTo(PromptReader.read(prompt));
  }

  @Test
  void promptsThatDifferOnlyInCaseOrPunctuationStillVary() {
    assertThat(PromptReader.read("Sunset over the ocean").variation())
        .isNotEqualTo(PromptReader.read("sunset over the ocean!").variation());
  }

  @Test
  void tellsWhichWordsItDrawsAndWhichItDoesNot() {
    var reading = PromptReader.understand("A cat playing piano in the rain at night, slow pan");

    assertThat(reading.drawn()).contains("rain", "night");
    assertThat(reading.notDrawn()).containsExactly("cat", "playing", "piano");
    assertThat(reading.notDrawn()).doesNotContain("a", "the", "in", "at");
  }
}
