package app.kinora.render;

import app.kinora.media.VideoFrames;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.LocalVideoProvider;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The built-in provider: renders videos on this machine, with no network and no GPU, and leaves
 * each video's poster and sprite sheet beside it ({@link RenderedDerivatives}).
 */
@Component
@ConditionalOnProperty(name = "kinora.render.enabled", havingValue = "true", matchIfMissing = true)
class LocalRenderer implements LocalVideoProvider {

  static final String MODEL = "kinora-local";

  private static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(
      MODEL,
      "Local renderer — procedural, offline",
      "Draws an animated scene from your prompt's words on this server, or animates your picture"
          + " or clip. Not an AI model.",
      2,
      20,
      List.of(
          new VideoSize(1280, 720),
          new VideoSize(854, 480),
          new VideoSize(1920, 1080),
          new VideoSize(720, 1280),
          new VideoSize(480, 854),
          new VideoSize(1080, 1920),
          new VideoSize(720, 720),
          new VideoSize(480, 480),
          new VideoSize(1080, 1080),
          new VideoSize(640, 480),
          new VideoSize(960, 720),
          new VideoSize(1440, 1080),
          new VideoSize(480, 640),
          new VideoSize(720, 960),
          new VideoSize(1080, 1440)),
      List.of(30, 24),
      Set.of(
          Capability.SEED,
          Capability.AUDIO_GENERATION,
          Capability.CAPTION,
          Capability.FIRST_FRAME,
          Capability.LAST_FRAME,
          Capability.AUDIO_REFERENCE,
          Capability.VIDEO_REFERENCE));

  private final VideoFrames videoFrames;

  LocalRenderer(VideoFrames videoFrames) {
    this.videoFrames = videoFrames;
  }

  @Override
  public String id() {
    return "local";
  }

  @Override
  public List<ModelDescriptor> models() {
    return List.of(DESCRIPTOR);
  }

  /** It encodes exactly the frames, size and rate asked, with {@code +faststart}. */
  @Override
  public boolean makesWhatWasAsked() {
    return true;
  }

  @Override
  public void generate(VideoSpec<ReferenceMedia> request, ProgressListener progress, Path output) {
    try (var relay = new ProgressRelay(progress)) {
      new Rendering(request, videoFrames).into(output, relay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure("cancelled", "The render was stopped.", null);
    } catch (IOException | IllegalStateException e) {
      throw new ProviderFailure(
          "render_failed", "The local renderer could not draw or encode the video.", e);
    }
  }

  @Override
  public java.util.Optional<app.kinora.provider.spi.PromptReading> read(
      String model, String prompt) {
    return MODEL.equals(model)
        ? java.util.Optional.of(app.kinora.render.prompt.PromptReader.understand(prompt))
        : java.util.Optional.empty();
  }
}
