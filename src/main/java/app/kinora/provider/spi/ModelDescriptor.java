package app.kinora.provider.spi;

import app.kinora.shared.VideoSize;
import app.kinora.shared.VideoSpec;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * What one model can do. Validation, the UI's choices, the fallback between routes and the price
 * quote are all derived from it, so a user is never offered what the model cannot do.
 *
 * @param id the model id users and API clients select, e.g. {@code kinora-local}
 * @param displayName a short human name
 * @param description one honest sentence about what the model is
 * @param minSeconds shortest video in whole seconds
 * @param maxSeconds longest video in whole seconds
 * @param allowedSeconds the only durations offered where a model takes a few (Veo: 4, 6, 8);
 *     empty means every whole second from min to max
 * @param sizes the frame sizes offered (each an aspect ratio and resolution), the first the default
 * @param framesPerSecond the frame rates offered, the first being the default
 * @param capabilities what else the model can do
 * @param maxReferenceImages how many reference images (besides first/last frame) it accepts
 * @param pricePerSecond what the platform charges per second of video, in US dollars; zero for
 *     the local renderer
 */
public record ModelDescriptor(
    String id,
    String displayName,
    String description,
    int minSeconds,
    int maxSeconds,
    List<Integer> allowedSeconds,
    List<VideoSize> sizes,
    List<Integer> framesPerSecond,
    Set<Capability> capabilities,
    int maxReferenceImages,
    BigDecimal pricePerSecond) {

  public ModelDescriptor {
    allowedSeconds = List.copyOf(allowedSeconds);
    sizes = List.copyOf(sizes);
    framesPerSecond = List.copyOf(framesPerSecond);
    capabilities = Set.copyOf(capabilities);
    if (sizes.isEmpty()
        || framesPerSecond.isEmpty()
        || minSeconds < 1
        || maxSeconds < minSeconds
        || allowedSeconds.stream().anyMatch(s -> s < minSeconds || s > maxSeconds)
        || maxReferenceImages < 0
        || pricePerSecond == null
        || pricePerSecond.signum() < 0) {
      throw new IllegalArgumentException("incomplete model descriptor: " + id);
    }
  }

  /** A model taking any whole number of seconds in a range, free of charge and with no references. */
  public ModelDescriptor(
      String id,
      String displayName,
      String description,
      int minSeconds,
      int maxSeconds,
      List<VideoSize> sizes,
      List<Integer> framesPerSecond,
      Set<Capability> capabilities) {
    this(
        id,
        displayName,
        description,
        minSeconds,
        maxSeconds,
        List.of(),
        sizes,
        framesPerSecond,
        capabilities,
        0,
        BigDecimal.ZERO);
  }

  /** A model that takes only the given durations. */
  public static ModelDescriptor ofDurations(
      String id,
      String displayName,
      String description,
      List<Integer> seconds,
      List<VideoSize> sizes,
      List<Integer> framesPerSecond,
      Set<Capability> capabilities,
      int maxReferenceImages,
      BigDecimal pricePerSecond) {
    var sorted = seconds.stream().sorted().toList();
    return new ModelDescriptor(
        id,
        displayName,
        description,
        sorted.getFirst(),
        sorted.getLast(),
        sorted,
        sizes,
        framesPerSecond,
        capabilities,
        maxReferenceImages,
        pricePerSecond);
  }

  /** The same abilities offered under another id and name (a model alias). */
  public ModelDescriptor as(String aliasId, String aliasName, String aliasDescription) {
    return new ModelDescriptor(
        aliasId,
        aliasName,
        aliasDescription,
        minSeconds,
        maxSeconds,
        allowedSeconds,
        sizes,
        framesPerSecond,
        capabilities,
        maxReferenceImages,
        pricePerSecond);
  }

  /** Every duration offered, shortest first. */
  public List<Integer> secondsOffered() {
    return allowedSeconds.isEmpty()
        ? IntStream.rangeClosed(minSeconds, maxSeconds).boxed().toList()
        : allowedSeconds;
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
    if (!secondsOffered().contains(seconds)) {
      return Optional.of(
          allowedSeconds.isEmpty()
              ? "%s makes videos of %d to %d seconds, not %d."
                  .formatted(id, minSeconds, maxSeconds, seconds)
              : "%s makes videos of %s seconds, not %d."
                  .formatted(id, joined(allowedSeconds), seconds));
    }
    return Optional.empty();
  }

  /** Why the model cannot make a video of this size, or empty if it can. */
  public Optional<String> sizeRefusal(VideoSize size) {
    if (!sizes.contains(size)) {
      return Optional.of(
          "%s does not offer the size %s; choose one of %s.".formatted(id, size, sizeList()));
    }
    return Optional.empty();
  }

  /**
   * Why the model cannot serve this request at all, or empty if it can (used between routes). The
   * frame rate is not compared: platforms choose their own and Kinora validated it on the alias.
   */
  public Optional<String> refusal(VideoSpec<ReferenceMedia> request) {
    var seconds = Math.toIntExact(request.duration().toSeconds());
    var refusal = secondsRefusal(seconds).or(() -> sizeRefusal(request.size()));
    if (refusal.isPresent()) {
      return refusal;
    }
    var references = request.references();
    if ((references.firstFrame() != null && !can(Capability.FIRST_FRAME))
        || (references.lastFrame() != null && !can(Capability.LAST_FRAME))
        || (references.audio() != null && !can(Capability.AUDIO_REFERENCE))
        || (references.video() != null && !can(Capability.VIDEO_REFERENCE))
        || references.images().size() > maxReferenceImages) {
      return Optional.of(id + " cannot use these references.");
    }
    return Optional.empty();
  }

  private String sizeList() {
    return String.join(", ", sizes.stream().map(VideoSize::toString).toList());
  }

  private static String joined(List<Integer> values) {
    var text = values.stream().map(String::valueOf).toList();
    return String.join(", ", text.subList(0, text.size() - 1))
        + (text.size() > 1 ? " or " : "")
        + text.getLast();
  }
}
