package app.kinora.provider.spi;

import app.kinora.shared.VideoSize;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a provider receives for one generation, and nothing more: no user id, email, name
 * or IP address ever reaches a provider.
 *
 * @param framesPerSecond one of the model's {@link ModelDescriptor#framesPerSecond()}
 * @param generateAudio whether the video should have a soundtrack
 * @param caption whether to overlay the prompt as a caption, where the model can
 * @param references sanitised reference media, each optional
 * @param negativePrompt what the video should avoid, where the model takes it; may be null
 */
public record ProviderRequest(
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

  public ProviderRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(references, "references");
    if (framesPerSecond < 1 || framesPerSecond > 120) {
      throw new IllegalArgumentException("frames per second out of range: " + framesPerSecond);
    }
  }

  public ProviderRequest(
      String model, String prompt, Duration duration, VideoSize size, long seed, int framesPerSecond,
      boolean generateAudio, boolean caption, ReferenceMedia references) {
    this(model, prompt, duration, size, seed, framesPerSecond, generateAudio, caption, references, null);
  }

  /** The same request addressed to another model (a route's model on its platform). */
  public ProviderRequest forModel(String platformModel) {
    return new ProviderRequest(platformModel, prompt, duration, size, seed, framesPerSecond, generateAudio, caption,
        references, negativePrompt);
  }

  /** A text-only request at 30 fps with sound and caption, the usual case in tests. */
  public static ProviderRequest textOnly(String model, String prompt, Duration duration, VideoSize size, long seed) {
    return new ProviderRequest(model, prompt, duration, size, seed, 30, true, true, ReferenceMedia.NONE);
  }
}
