package app.kinora.render;

import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.VideoSpec;

import app.kinora.media.VideoFrames;
import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.LocalVideoProvider;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.render.encode.Drawing;
import app.kinora.render.encode.FrameSource;
import app.kinora.render.encode.Mp4Encoder;
import app.kinora.render.encode.Yuv420;
import app.kinora.render.layers.Palette;
import app.kinora.render.prompt.SceneSpec;
import app.kinora.render.reference.ReferenceFrames;
import app.kinora.render.scene.Scene;
import app.kinora.render.sound.Soundscape;
import app.kinora.render.sound.Soundtrack;
import app.kinora.shared.VideoSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The built-in provider: renders videos on this machine, with no network and no GPU. */
@Component
class LocalRenderer implements LocalVideoProvider {

  static final String MODEL = "kinora-local";

  private static final ModelDescriptor DESCRIPTOR =
      new ModelDescriptor(
          MODEL,
          "Local renderer — procedural, offline",
          "Draws an animated scene from your prompt's words on this server, or animates your picture"
              + " or clip. Not an AI model.",
          2,
          20,
          List.of(
              new VideoSize(1280, 720), new VideoSize(854, 480), new VideoSize(1920, 1080),
              new VideoSize(720, 1280), new VideoSize(480, 854), new VideoSize(1080, 1920),
              new VideoSize(720, 720), new VideoSize(480, 480), new VideoSize(1080, 1080),
              new VideoSize(640, 480), new VideoSize(960, 720), new VideoSize(1440, 1080),
              new VideoSize(480, 640), new VideoSize(720, 960), new VideoSize(1080, 1440)),
          List.of(30, 24),
          Set.of(
              Capability.SEED, Capability.AUDIO_GENERATION, Capability.CAPTION, Capability.FIRST_FRAME,
              Capability.LAST_FRAME, Capability.AUDIO_REFERENCE, Capability.VIDEO_REFERENCE));

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

  @Override
  public void generate(VideoSpec<ReferenceMedia> request, ProgressListener progress, Path output) {
    int fps = request.framesPerSecond();
    int frames = Math.toIntExact(request.duration().toMillis() * fps / 1000);
    var size = request.size();
    var scene = new Scene(request.prompt(), request.seed(), size, request.caption());
    var converter = new Yuv420(size.width(), size.height());
    try {
      var sound = sound(request, scene.spec(), (int) ((long) frames * Mp4Encoder.SAMPLE_RATE / fps));
      try (var encoder = new Mp4Encoder(output, size, fps, sound != null);
          var pictures = pictures(request, scene, converter, encoder, frames)) {
        for (int frame = 0; frame < frames; frame++) {
          if (Thread.currentThread().isInterrupted()) {
            throw new ProviderFailure("cancelled", "The render was stopped.", null);
          }
          encoder.addFrame(pictures.next());
          if (sound != null) {
            encoder.addAudio(sound.samples(frame, frames, fps));
          }
          progress.progressed((frame + 1) / (double) frames);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderFailure("cancelled", "The render was stopped.", null);
    } catch (IOException | IllegalStateException e) {
      throw new ProviderFailure("render_failed", "The local renderer could not draw or encode the video.", e);
    }
  }

  /** The procedural scene, or the reference picture or clip under the scene's light. */
  private FrameSource pictures(VideoSpec<ReferenceMedia> request, Scene scene, Yuv420 converter, Mp4Encoder encoder, int frames)
      throws IOException {
    var references = request.references();
    if (references.firstFrame() != null || references.video() != null) {
      return new ReferenceFrames(request, videoFrames, Palette.of(scene.spec()), converter, encoder::frameBuffer, frames);
    }
    return new Drawing(scene, converter, encoder::frameBuffer, frames, request.framesPerSecond());
  }

  /** The uploaded soundtrack if there is one, else the scene's ambience, else silence (null). */
  private static Sound sound(VideoSpec<ReferenceMedia> request, SceneSpec spec, int samples) throws IOException {
    var upload = request.references().audioIfAny();
    if (upload.isPresent()) {
      var soundtrack = Soundtrack.load(upload.get(), samples, Mp4Encoder.SAMPLE_RATE);
      return (frame, frames, fps) -> soundtrack.samples(frame, fps, Mp4Encoder.SAMPLE_RATE);
    }
    if (!request.generateAudio()) {
      return null;
    }
    var ambience = new Soundscape(spec, request.seed());
    return (frame, frames, fps) -> ambience.samples(frame, frames, fps, Mp4Encoder.SAMPLE_RATE);
  }

  /** Samples for one video frame. */
  private interface Sound {
    short[] samples(int frame, int frames, int fps);
  }
}
