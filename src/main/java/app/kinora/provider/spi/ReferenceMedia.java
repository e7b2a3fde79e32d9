package app.kinora.provider.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The reference media of a request, as local files that Kinora has already checked and
 * sanitised in a child process (metadata stripped, canonical formats): images as PNG, audio as
 * WAV (PCM, 48 kHz), video as MP4 (H.264/AAC). Any of them may be absent.
 *
 * @param firstFrame the image the video starts from ({@code input_reference})
 * @param lastFrame the image the video ends on
 * @param audio a soundtrack to use instead of generated sound
 * @param video a clip to restyle (remix)
 * @param images reference images (a subject's or a style's looks), as PNG
 */
public record ReferenceMedia(
    Path firstFrame, Path lastFrame, Path audio, Path video, java.util.List<Path> images) {

  public ReferenceMedia {
    images = images == null ? java.util.List.of() : java.util.List.copyOf(images);
  }

  /** Without reference images. */
  public ReferenceMedia(Path firstFrame, Path lastFrame, Path audio, Path video) {
    this(firstFrame, lastFrame, audio, video, java.util.List.of());
  }

  public static final ReferenceMedia NONE = new ReferenceMedia(null, null, null, null);

  public Optional<Path> firstFrameIfAny() {
    return Optional.ofNullable(firstFrame);
  }

  public Optional<Path> lastFrameIfAny() {
    return Optional.ofNullable(lastFrame);
  }

  public Optional<Path> audioIfAny() {
    return Optional.ofNullable(audio);
  }

  public Optional<Path> videoIfAny() {
    return Optional.ofNullable(video);
  }

  public boolean isEmpty() {
    return firstFrame == null && lastFrame == null && audio == null && video == null;
  }
}
