package app.kinora.render.sound;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.render.RendererGallery;
import app.kinora.render.encode.Mp4Encoder;
import app.kinora.render.prompt.PromptReader;
import org.junit.jupiter.api.Test;

class SoundscapeUnitTest {

  private static final int RATE = Mp4Encoder.SAMPLE_RATE;

  @Test
  void theSameSceneAndSeedSoundTheSame() {
    var spec = PromptReader.read("Sunset over the ocean");

    assertThat(clip(new Soundscape(spec, 3), 24, 48))
        .isEqualTo(clip(new Soundscape(spec, 3), 24, 48));
  }

  @Test
  void differentScenesSoundDifferent() {
    var sea = clip(new Soundscape(PromptReader.read("Sunset over the ocean"), 3), 24, 48);
    var fire = clip(new Soundscape(PromptReader.read("Campfire sparks at night"), 3), 24, 48);

    assertThat(sea).isNotEqualTo(fire);
  }

  @Test
  void fadesInFromSilenceAndOutToSilenceAndStaysQuiet() {
    for (var prompt : RendererGallery.PROMPTS) {
      var samples = clip(new Soundscape(PromptReader.read(prompt), 5), 24, 96);

      assertThat(Math.abs(samples[0])).as(prompt).isLessThan(50);
      assertThat(Math.abs(samples[samples.length - 1])).as(prompt).isLessThan(50);
      assertThat(peak(samples)).as(prompt).isPositive().isLessThanOrEqualTo((int)
          (0.3 * Short.MAX_VALUE));
    }
  }

  @Test
  void givesExactlyTheClipsLengthOfSamplesAtBothFrameRates() {
    var spec = PromptReader.read("Desert dunes at noon");

    assertThat(clip(new Soundscape(spec, 1), 24, 48)).hasSize(2 * RATE);
    assertThat(clip(new Soundscape(spec, 1), 30, 60)).hasSize(2 * RATE);
  }

  private static short[] clip(Soundscape soundscape, int framesPerSecond, int frames) {
    var all = new short[(int) ((long) frames * RATE / framesPerSecond)];
    int at = 0;
    for (int frame = 0; frame < frames; frame++) {
      var samples = soundscape.samples(frame, frames, framesPerSecond, RATE);
      System.arraycopy(samples, 0, all, at, samples.length);
      at += samples.length;
    }
    return all;
  }

  private static int peak(short[] samples) {
    int peak = 0;
    for (short s : samples) {
      peak = Math.max(peak, Math.abs(s));
    }
    return peak;
  }
}
