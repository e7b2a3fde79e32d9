package app.kinora.generation.internal;

import app.kinora.generation.GenerationRequest;
import app.kinora.generation.InvalidGenerationRequest;

/** The generation form as posted by the browser. */
record GenerationForm(String model, String prompt, String seconds, String size, String seed) {

  GenerationRequest toRequest() {
    return new GenerationRequest(model, prompt, seconds, size, parseSeed());
  }

  private Long parseSeed() {
    if (seed == null || seed.isBlank()) {
      return null;
    }
    try {
      return Long.parseLong(seed.strip());
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest("seed", "invalid_seed", "The seed must be a whole number.");
    }
  }
}
