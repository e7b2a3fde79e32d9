package app.kinora.shared;

import java.time.Duration;
import java.util.Objects;

/**
 * What a video should be: its creative fields, one value from the request through the stored
 * generation to the provider. {@code R} is how its reference media are given: upload ids where a
 * generation keeps them, sanitised local files where a provider reads them.
 *
 * <p>In a request, a null field takes the model's default (model, size, frame rate, sound,
 * caption) or a random value (seed); a recorded generation's spec has every field set.
 *
 * @param model the model's id as users choose it
 * @param prompt what the video should show
 * @param negativePrompt what it should avoid, for models that take it; null for none
 * @param duration its length, in whole seconds
 * @param size its frame size
 * @param framesPerSecond its frame rate
 * @param seed the same inputs and seed give the same video, where the model allows
 * @param generateAudio whether it gets a soundtrack
 * @param caption whether the prompt is overlaid as a caption
 * @param references the media it starts from, ends on, sounds like or restyles
 */
public record VideoSpec<R>(
    String model,
    String prompt,
    String negativePrompt,
    Duration duration,
    VideoSize size,
    Integer framesPerSecond,
    Long seed,
    Boolean generateAudio,
    Boolean caption,
    R references) {

  public VideoSpec {
    if (duration != null && (duration.isNegative() || duration.toMillis() % 1000 != 0)) {
      throw new IllegalArgumentException("a video lasts a whole number of seconds, not " + duration);
    }
  }

  /** The length in whole seconds, as the OpenAI API writes it. */
  public int seconds() {
    return (int) duration.toSeconds();
  }

  /** The same video with its reference media given another way. */
  public <S> VideoSpec<S> withReferences(S newReferences) {
    return new VideoSpec<>(model, prompt, negativePrompt, duration, size, framesPerSecond, seed, generateAudio, caption,
        newReferences);
  }

  /** The same video asked of another model: a route's model on its platform. */
  public VideoSpec<R> withModel(String newModel) {
    return new VideoSpec<>(Objects.requireNonNull(newModel, "model"), prompt, negativePrompt, duration, size,
        framesPerSecond, seed, generateAudio, caption, references);
  }
}
