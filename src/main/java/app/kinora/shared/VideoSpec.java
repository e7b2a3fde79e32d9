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
 * @param promptInCredentials whether the video's Content Credentials carry the prompt (its owner's
 *     choice, per video; off unless asked for)
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
    Boolean promptInCredentials,
    R references) {

  public VideoSpec {
    if (duration != null && (duration.isNegative() || duration.toMillis() % 1000 != 0)) {
      throw new IllegalArgumentException(
          "a video lasts a whole number of seconds, not " + duration);
    }
  }

  /** The length in whole seconds, as the OpenAI API writes it. */
  public int seconds() {
    return (int) duration.toSeconds();
  }

  /** The same video with its reference media given another way. */
  public <S> VideoSpec<S> withReferences(S newReferences) {
    return this.<S>copy().references(newReferences).build();
  }

  /** The same video asked of another model: a route's model on its platform. */
  public VideoSpec<R> withModel(String newModel) {
    return toBuilder().model(Objects.requireNonNull(newModel, "model")).build();
  }

  /** A builder holding this spec's fields, to change some of them. */
  public Builder<R> toBuilder() {
    return this.<R>copy().references(references);
  }

  public static <R> Builder<R> builder() {
    return new Builder<>();
  }

  /** Every field but the references, which may be of another kind. */
  private <S> Builder<S> copy() {
    var builder = new Builder<S>();
    builder.model = model;
    builder.prompt = prompt;
    builder.negativePrompt = negativePrompt;
    builder.duration = duration;
    builder.size = size;
    builder.framesPerSecond = framesPerSecond;
    builder.seed = seed;
    builder.generateAudio = generateAudio;
    builder.caption = caption;
    builder.promptInCredentials = promptInCredentials;
    return builder;
  }

  /** Builds a spec field by field; what is not set stays null (the model's default, in a request). */
  public static final class Builder<R> {
    private String model;
    private String prompt;
    private String negativePrompt;
    private Duration duration;
    private VideoSize size;
    private Integer framesPerSecond;
    private Long seed;
    private Boolean generateAudio;
    private Boolean caption;
    private Boolean promptInCredentials;
    private R references;

    private Builder() {}

    public Builder<R> model(String value) {
      model = value;
      return this;
    }

    public Builder<R> prompt(String value) {
      prompt = value;
      return this;
    }

    public Builder<R> negativePrompt(String value) {
      negativePrompt = value;
      return this;
    }

    public Builder<R> duration(Duration value) {
      duration = value;
      return this;
    }

    public Builder<R> size(VideoSize value) {
      size = value;
      return this;
    }

    public Builder<R> framesPerSecond(Integer value) {
      framesPerSecond = value;
      return this;
    }

    public Builder<R> seed(Long value) {
      seed = value;
      return this;
    }

    public Builder<R> generateAudio(Boolean value) {
      generateAudio = value;
      return this;
    }

    public Builder<R> caption(Boolean value) {
      caption = value;
      return this;
    }

    public Builder<R> promptInCredentials(Boolean value) {
      promptInCredentials = value;
      return this;
    }

    public Builder<R> references(R value) {
      references = value;
      return this;
    }

    public VideoSpec<R> build() {
      return new VideoSpec<>(
          model,
          prompt,
          negativePrompt,
          duration,
          size,
          framesPerSecond,
          seed,
          generateAudio,
          caption,
          promptInCredentials,
          references);
    }
  }
}
