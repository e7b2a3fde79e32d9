package app.kinora.render;

import app.kinora.media.VideoFrames;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.provider.spi.RenderedDerivatives;
import app.kinora.render.RenderTimes.Part;
import app.kinora.render.encode.Drawing;
import app.kinora.render.encode.FrameSource;
import app.kinora.render.encode.Mp4Encoder;
import app.kinora.render.encode.Yuv420;
import app.kinora.render.layers.Palette;
import app.kinora.render.reference.ReferenceFrames;
import app.kinora.render.scene.Scene;
import app.kinora.render.sound.Soundscape;
import app.kinora.render.sound.Soundtrack;
import app.kinora.render.stills.Stills;
import app.kinora.shared.VideoSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request being rendered: frames and sound fed to the encoder in order, progress passed on
 * without holding the encoder up, and the poster and sprite sheet taken from the frames as they
 * go by and written beside the video while the encoder finishes it.
 */
final class Rendering {

  private static final Logger log = LoggerFactory.getLogger(Rendering.class);

  private final VideoSpec<ReferenceMedia> request;
  private final VideoFrames videoFrames;
  private final int fps;
  private final int frames;
  private final Scene scene;
  private final Stills stills;
  private final RenderTimes times = new RenderTimes();

  Rendering(VideoSpec<ReferenceMedia> request, VideoFrames videoFrames) {
    this.request = request;
    this.videoFrames = videoFrames;
    this.fps = request.framesPerSecond();
    this.frames = Math.toIntExact(request.duration().toMillis() * fps / 1000);
    this.scene = new Scene(request.prompt(), request.seed(), request.size(), request.caption());
    this.stills = new Stills(request.size(), request.duration(), frames);
  }

  /**
   * Renders the video into {@code output}, and its poster and sprite sheet beside it. The
   * pictures are written while the encoder finishes the file (flushing its last frames, moving
   * its index to the front); should the video fail, they are deleted again.
   */
  void into(Path output, ProgressRelay progress) throws IOException, InterruptedException {
    var sound = sound();
    Thread stillsWriter = null;
    boolean rendered = false;
    try {
      try (var encoder = new Mp4Encoder(output, request.size(), fps, sound != null);
          var pictures = pictures(encoder)) {
        times.lap(Part.SETUP);
        encode(encoder, pictures, sound, progress);
        stillsWriter =
            Thread.ofPlatform().name("kinora-render-stills").start(() -> writeStills(output));
      }
      times.lap(Part.FINISHING);
      progress.finish();
      times.lap(Part.PROGRESS);
      stillsWriter.join();
      times.lap(Part.STILLS);
      rendered = true;
    } finally {
      if (!rendered) {
        discardStills(stillsWriter, output);
      }
    }
    log.debug(
        "Rendered {} frames of {} in {} ms: {}",
        frames,
        request.size(),
        times.totalMillis(),
        times);
  }

  private void encode(Mp4Encoder encoder, FrameSource pictures, Sound sound, ProgressRelay progress)
      throws IOException, InterruptedException {
    for (int frame = 0; frame < frames; frame++) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ProviderFailure("cancelled", "The render was stopped.", null);
      }
      var picture = pictures.next();
      times.lap(Part.DRAWING);
      encoder.addFrame(picture);
      times.lap(Part.ENCODING);
      if (sound != null) {
        encoder.addAudio(sound.samples(frame));
        times.lap(Part.SOUND);
      }
      progress.report((frame + 1) / (double) frames);
      times.lap(Part.PROGRESS);
    }
  }

  /**
   * The poster and sprite sheet are a saving, not part of the result: when they cannot be
   * written, none is left and they are made from the video as for any other provider.
   */
  private void writeStills(Path output) {
    try {
      stills.write(output);
    } catch (IOException | RuntimeException e) {
      log.warn("The renderer's poster and sprite sheet could not be written: {}", e.toString());
      deleteStills(output);
    }
  }

  /** After a failed render: waits for the pictures being written, if any, and deletes them. */
  private static void discardStills(Thread writer, Path output) {
    boolean interrupted = false;
    while (writer != null && writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    deleteStills(output);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void deleteStills(Path output) {
    try {
      Files.deleteIfExists(RenderedDerivatives.posterBeside(output));
      Files.deleteIfExists(RenderedDerivatives.spriteSheetBeside(output));
    } catch (IOException e) {
      log.warn("Could not delete the renderer's poster or sprite sheet: {}", e.toString());
    }
  }

  /** The procedural scene, or the reference picture or clip under the scene's light. */
  private FrameSource pictures(Mp4Encoder encoder) throws IOException {
    var size = request.size();
    var converter = new Yuv420(size.width(), size.height());
    var references = request.references();
    if (references.firstFrame() != null || references.video() != null) {
      return new ReferenceFrames(
          request,
          videoFrames,
          Palette.of(scene.spec()),
          converter,
          encoder::frameBuffer,
          frames,
          stills);
    }
    return new Drawing(scene, converter, encoder::frameBuffer, frames, fps, stills);
  }

  /** The uploaded soundtrack if there is one, else the scene's ambience, else silence (null). */
  private Sound sound() throws IOException {
    int samples = (int) ((long) frames * Mp4Encoder.SAMPLE_RATE / fps);
    var upload = request.references().audioIfAny();
    if (upload.isPresent()) {
      var soundtrack = Soundtrack.load(upload.get(), samples, Mp4Encoder.SAMPLE_RATE);
      return frame -> soundtrack.samples(frame, fps, Mp4Encoder.SAMPLE_RATE);
    }
    if (!request.generateAudio()) {
      return null;
    }
    var ambience = new Soundscape(scene.spec(), request.seed());
    return frame -> ambience.samples(frame, frames, fps, Mp4Encoder.SAMPLE_RATE);
  }

  /** Samples for one video frame. */
  private interface Sound {
    short[] samples(int frame);
  }
}
