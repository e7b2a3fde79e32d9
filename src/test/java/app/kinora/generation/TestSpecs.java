package app.kinora.generation;

import app.kinora.shared.VideoSpec;

/** Specs for tests, written as the API takes them. */
public final class TestSpecs {

  private TestSpecs() {}

  /** The OpenAI fields only; Kinora's extensions take the model's defaults. */
  public static VideoSpec<GenerationReferences> of(
      String model, String prompt, String seconds, String size, Long seed) {
    return VideoSpec.<GenerationReferences>builder()
        .model(model)
        .prompt(prompt)
        .duration(SpecFields.seconds(seconds))
        .size(SpecFields.size(size))
        .seed(seed)
        .references(GenerationReferences.NONE)
        .build();
  }
}
