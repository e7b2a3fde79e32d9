package app.kinora.render;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderRequest;
import app.kinora.provider.spi.VideoProvider;
import app.kinora.shared.VideoSize;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bytedeco.javacv.FrameRecorder;
import org.springframework.stereotype.Component;

/** The built-in provider: renders videos on this machine, with no network and no GPU. */
@Component
class LocalRenderer implements VideoProvider {

  static final String MODEL = "kinora-local";

  private static final ModelDescriptor DESCRIPTOR =
      new ModelDescriptor(
          MODEL,
          "Local renderer — procedural, offline",
          "Draws an animated scene from your prompt's words on this server. Not an AI model.",
          2,
          20,
          List.of(
              new VideoSize(1280, 720), new VideoSize(854, 480), new VideoSize(1920, 1080),
              new VideoSize(720, 1280), new VideoSize(480, 854), new VideoSize(1080, 1920),
              new VideoSize(720, 720), new VideoSize(480, 480), new VideoSize(1080, 1080),
              new VideoSize(640, 480), new VideoSize(960, 720), new VideoSize(1440, 1080),
              new VideoSize(480, 640), new VideoSize(720, 960), new VideoSize(1080, 1440)),
          List.of(30, 24),
          Set.of(Capability.SEED, Capability.AUDIO_GENERATION, Capability.CAPTION));

  @Override
  public String id() {
    return "local";
  }

  @Override
  public List<ModelDescriptor> models() {
    return List.of(DESCRIPTOR);
  }

  @Override
  public void generate(ProviderRequest request, ProgressListener progress, Path output) {
    int fps = request.framesPerSecond();
    int frames = Math.toIntExact(request.duration().toMillis() * fps / 1000);
    var size = request.size();
    var scene = new Scene(request.prompt(), request.seed(), size, request.caption());
    var soundscape = request.generateAudio() ? new Soundscape(scene.spec(), request.seed()) : null;
    var converter = new Yuv420(size.width(), size.height());
    try (var encoder = new Mp4Encoder(output, size, fps, soundscape != null);
        var drawing = new Drawing(scene, converter, encoder::frameBuffer, frames, fps)) {
      for (int frame = 0; frame < frames; frame++) {
        if (Thread.currentThread().isInterrupted()) {
          throw new ProviderFailure("cancelled", "The render was stopped.", null);
        }
        encoder.addFrame(drawing.next());
        if (soundscape != null) {
          encoder.addAudio(soundscape.samples(frame, frames, fps, Mp4Encoder.SAMPLE_RATE));
        }
        progress.progressed((frame + 1) / (double) frames);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure("cancelled", "The render was stopped.", null);
    } catch (FrameRecorder.Exception | IllegalStateException e) {
      throw new ProviderFailure("render_failed", "The local renderer could not draw or encode the video.", e);
    }
  }
}
