package app.kinora.generation.internal;

import app.kinora.generation.Generations;
import org.springframework.stereotype.Component;

/**
 * For the pages ({@code @aiDisclosure.of(model)}): whether a model's videos are AI-generated, so
 * that the studio's cards and the library say so next to the video.
 */
@Component("aiDisclosure")
class AiDisclosure {

  private final Generations generations;

  AiDisclosure(Generations generations) {
    this.generations = generations;
  }

  public boolean of(String model) {
    return model != null && generations.aiGenerated(model);
  }
}
