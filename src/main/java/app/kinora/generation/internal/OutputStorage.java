package app.kinora.generation.internal;

import app.kinora.generation.Generation;
import app.kinora.media.VideoOutputs;
import app.kinora.media.VideoPictures;
import app.kinora.provider.spi.RenderedDerivatives;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Hands a generation's checked video to media, which stores it with its poster and sprite sheet:
 * those the local renderer drew from its own frames when it left them (no second decode), else
 * media cuts them from the video.
 */
@Component
class OutputStorage {

  private final VideoOutputs outputs;

  OutputStorage(VideoOutputs outputs) {
    this.outputs = outputs;
  }

  /** The stored files' keys, to complete the generation with. */
  Generation.Output store(Generation generation, Path video) throws IOException {
    var id = generation.id().value();
    var spec = generation.spec();
    var duration = Duration.ofSeconds(generation.outputSeconds());
    var drawn = RenderedDerivatives.beside(video, spec.size(), duration);
    var stored = drawn.isPresent()
        ? outputs.store(
            id,
            video,
            new VideoPictures(
                drawn.get().poster(), drawn.get().spriteSheet(), drawn.get().layout()))
        : outputs.store(id, video, duration, spec.size());
    return new Generation.Output(
        stored.video().value(),
        stored.videoBytes(),
        stored.poster().value(),
        stored.spriteSheet().value(),
        stored.layout());
  }
}
