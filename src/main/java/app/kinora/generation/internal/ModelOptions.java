package app.kinora.generation.internal;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSize;
import java.util.Comparator;
import java.util.List;

/** The form's choices for one model, derived from its capability descriptor. */
record ModelOptions(
    ModelDescriptor model,
    List<Integer> seconds,
    int defaultSeconds,
    List<SizeOption> sizes,
    boolean sound,
    boolean caption,
    boolean firstFrame,
    boolean lastFrame,
    boolean audioReference,
    boolean videoReference,
    boolean seed,
    boolean negativePrompt) {

  /** Whether the form's "Advanced" section has anything for this model. */
  public boolean anyAdvanced() {
    return seed || negativePrompt;
  }

  public boolean anyReference() {
    return firstFrame || lastFrame || audioReference || videoReference || referenceImages() > 0;
  }

  /** How many reference images (besides first and last frame) the model takes. */
  public int referenceImages() {
    return model.maxReferenceImages();
  }

  /** "a picture, a soundtrack or a clip": only the kinds of reference the model takes. */
  public String referenceKinds() {
    var kinds = new java.util.ArrayList<String>();
    if (firstFrame || lastFrame || referenceImages() > 0) {
      kinds.add(referenceImages() > 0 ? "pictures" : "a picture");
    }
    if (audioReference) {
      kinds.add("a soundtrack");
    }
    if (videoReference) {
      kinds.add("a clip");
    }
    return kinds.size() < 2
        ? String.join("", kinds)
        : String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.getLast();
  }

  static ModelOptions of(ModelDescriptor model) {
    var seconds = model.secondsOffered();
    var defaultSeconds =
        seconds.stream().min(Comparator.comparingInt(s -> Math.abs(s - 4))).orElseThrow();
    return new ModelOptions(
        model,
        seconds,
        defaultSeconds,
        model.sizes().stream().map(SizeOption::of).toList(),
        model.can(Capability.AUDIO_GENERATION),
        model.can(Capability.CAPTION),
        model.can(Capability.FIRST_FRAME),
        model.can(Capability.LAST_FRAME),
        model.can(Capability.AUDIO_REFERENCE),
        model.can(Capability.VIDEO_REFERENCE),
        model.can(Capability.SEED),
        model.can(Capability.NEGATIVE_PROMPT));
  }

  /** A size with a human label such as "1280×720 · 16:9 landscape, 720p". */
  record SizeOption(String value, String label) {

    static SizeOption of(VideoSize size) {
      int shorter = Math.min(size.width(), size.height());
      String shape =
          size.width() == size.height() ? "square" : size.isPortrait() ? "portrait" : "landscape";
      return new SizeOption(
          size.toString(),
          "%d×%d · %s %s, %dp".formatted(size.width(), size.height(), ratio(size), shape, shorter));
    }

    private static String ratio(VideoSize size) {
      int gcd = java.math.BigInteger.valueOf(size.width())
          .gcd(java.math.BigInteger.valueOf(size.height()))
          .intValue();
      int w = size.width() / gcd;
      int h = size.height() / gcd;
      // 854x480 is 16:9 rounded to even pixels
      return (w == 427 && h == 240) ? "16:9" : (w == 240 && h == 427) ? "9:16" : w + ":" + h;
    }
  }
}
