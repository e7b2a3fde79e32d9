package app.kinora.provider.spi;

import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.time.Duration;

/**
 * What a provider receives for one generation is the generation's own {@link VideoSpec}, with
 * its references as sanitised local files — and nothing more: no user id, email, name or IP
 * address ever reaches a provider. These build such specs where no generation stands behind one.
 */
public final class ProviderSpecs {

  private ProviderSpecs() {}

  /** Every field set, without a negative prompt. */
  public static VideoSpec<ReferenceMedia> of(
      String model,
      String prompt,
      Duration duration,
      VideoSize size,
      long seed,
      int framesPerSecond,
      boolean generateAudio,
      boolean caption,
      ReferenceMedia references) {
    return of(
        model,
        prompt,
        duration,
        size,
        seed,
        framesPerSecond,
        generateAudio,
        caption,
        references,
        null);
  }

  public static VideoSpec<ReferenceMedia> of(
      String model,
      String prompt,
      Duration duration,
      VideoSize size,
      long seed,
      int framesPerSecond,
      boolean generateAudio,
      boolean caption,
      ReferenceMedia references,
      String negativePrompt) {
    return VideoSpec.<ReferenceMedia>builder()
        .model(model)
        .prompt(prompt)
        .negativePrompt(negativePrompt)
        .duration(duration)
        .size(size)
        .framesPerSecond(framesPerSecond)
        .seed(seed)
        .generateAudio(generateAudio)
        .caption(caption)
        .references(references)
        .build();
  }

  /** A text-only request at 30 fps with sound and caption, the usual case in tests. */
  public static VideoSpec<ReferenceMedia> textOnly(
      String model, String prompt, Duration duration, VideoSize size, long seed) {
    return of(model, prompt, duration, size, seed, 30, true, true, ReferenceMedia.NONE);
  }
}
