package app.kinora.render.reference;

import app.kinora.media.VideoFrames;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.VideoSpec;
import java.awt.Graphics2D;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * What lies under the scene's particles and caption: the procedural landscape (no reference),
 * the reference image in motion, or the reference clip's frames.
 */
final class ReferenceBackdrop implements AutoCloseable {

  private final ImageMotion image;
  private final RemixFootage footage;

  private ReferenceBackdrop(ImageMotion image, RemixFootage footage) {
    this.image = image;
    this.footage = footage;
  }

  static ReferenceBackdrop of(VideoSpec<ReferenceMedia> request, VideoFrames frames)
      throws IOException {
    var references = request.references();
    if (references.video() != null) {
      return new ReferenceBackdrop(
          null,
          new RemixFootage(
              frames,
              references.video(),
              request.size(),
              request.framesPerSecond(),
              request.duration()));
    }
    if (references.firstFrame() != null) {
      return new ReferenceBackdrop(
          ImageMotion.load(
              references.firstFrame(), references.lastFrame(), request.size(), request.seed()),
          null);
    }
    return new ReferenceBackdrop(null, null);
  }

  /** The painter for {@code progress} (0..1) of the clip, or null for the procedural scene. */
  Consumer<Graphics2D> painter(double progress) {
    if (footage != null) {
      return footage::paintNext;
    }
    if (image != null) {
      return g -> image.paint(g, progress);
    }
    return null;
  }

  @Override
  public void close() {
    if (footage != null) {
      footage.close();
    }
  }
}
