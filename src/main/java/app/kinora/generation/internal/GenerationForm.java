package app.kinora.generation.internal;

import app.kinora.generation.GenerationReferences;
import app.kinora.generation.GenerationRequest;
import app.kinora.generation.InvalidGenerationRequest;

/**
 * The generation form as posted by the browser. Each checkbox follows a hidden input of the same
 * name with value {@code off}, so an unticked box arrives as {@code off} and a ticked one as
 * {@code off,on}.
 */
record GenerationForm(
    String model, String prompt, String seconds, String size, String seed, String fps, String sound, String caption,
    String negativePrompt) {

  GenerationRequest toRequest(GenerationReferences references) {
    return new GenerationRequest(
        model, prompt, seconds, size, parseSeed(), parseFps(), ticked(sound), ticked(caption), references, negativePrompt);
  }

  private static Boolean ticked(String checkbox) {
    return checkbox == null ? null : checkbox.contains("on") && !checkbox.equals("off");
  }

  private Integer parseFps() {
    try {
      return fps == null || fps.isBlank() ? null : Integer.valueOf(fps.strip());
    } catch (NumberFormatException e) {
      throw new InvalidGenerationRequest("fps", "invalid_fps", "Choose a frame rate from the list.");
    }
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
