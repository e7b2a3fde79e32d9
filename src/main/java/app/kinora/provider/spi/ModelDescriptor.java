package app.kinora.provider.spi;

import app.kinora.shared.VideoSize;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What one model can do. Validation, the UI's choices and the API's errors are all derived from
 * it, so a user is never offered what the model cannot do.
 *
 * @param id the model id users and API clients select, e.g. {@code kinora-local}
 * @param displayName a short human name
 * @param description one honest sentence about what the model is
 * @param minSeconds shortest video in whole seconds
 * @param maxSeconds longest video in whole seconds
 * @param sizes the frame sizes offered, the first being the default
 * @param framesPerSecond the frame rates offered, the first being the default
 * @param capabilities what else the model can do
 */
public record ModelDescriptor(
    String id,
    String displayName,
    String description,
    int minSeconds,
    int maxSeconds,
    List<VideoSize> sizes,
    List<Integer> framesPerSecond,
    Set<Capability> capabilities) {

  public ModelDescriptor {
    sizes = List.copyOf(sizes);
    framesPerSecond = List.copyOf(framesPerSecond);
    capabilities = Set.copyOf(capabilities);
    if (sizes.isEmpty() || framesPerSecond.isEmpty() || minSeconds < 1 || maxSeconds < minSeconds) {
      throw new IllegalArgumentException("incomplete model descriptor: " + id);
    }
  }

  public int defaultFramesPerSecond() {
    return framesPerSecond.getFirst();
  }

  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }

  public VideoSize defaultSize() {
    return sizes.getFirst();
  }

  /** Why the model cannot make a video of this many seconds, or empty if it can. */
  public Optional<String> secondsRefusal(int seconds) {
    if (seconds < minSeconds || seconds > maxSeconds) {
      return Optional.of(
          "%s makes videos of %d to %d seconds, not %d.".formatted(id, minSeconds, maxSeconds, seconds));
    }
    return Optional.empty();
  }

  /** Why the model cannot make a video of this size, or empty if it can. */
  public Optional<String> sizeRefusal(VideoSize size) {
    if (!sizes.contains(size)) {
      return Optional.of("%s does not offer the size %s; choose one of %s.".formatted(id, size, sizeList()));
    }
    return Optional.empty();
  }

  private String sizeList() {
    return String.join(", ", sizes.stream().map(VideoSize::toString).toList());
  }
}
