package app.kinora.generation;

/**
 * What a user asks for, as entered in the form or the API; {@link Generations#submit} validates
 * it against the model's capabilities.
 *
 * @param model model id; empty means the default model
 * @param prompt what the video should show
 * @param seconds duration as text, as the OpenAI API sends it; empty means 4
 * @param size {@code WIDTHxHEIGHT}; empty means the model's default size
 * @param seed for reproducible results; empty means a random seed, recorded on the generation
 * @param framesPerSecond empty means the model's default
 * @param generateAudio empty means yes, where the model can
 * @param caption empty means yes, where the model can
 * @param references uploads of the user's to start from, end on, use as sound or restyle
 * @param negativePrompt what the video should avoid, for models that take it; empty means none
 */
public record GenerationRequest(
    String model,
    String prompt,
    String seconds,
    String size,
    Long seed,
    Integer framesPerSecond,
    Boolean generateAudio,
    Boolean caption,
    GenerationReferences references,
    String negativePrompt) {

  public GenerationRequest {
    references = references == null ? GenerationReferences.NONE : references;
  }

  /** A request with only the OpenAI fields; Kinora's extensions take their defaults. */
  public static GenerationRequest of(String model, String prompt, String seconds, String size, Long seed) {
    return new GenerationRequest(model, prompt, seconds, size, seed, null, null, null, GenerationReferences.NONE, null);
  }
}
