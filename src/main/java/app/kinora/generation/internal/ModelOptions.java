package app.kinora.generation.internal;

import app.kinora.provider.spi.Capability;
import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.VideoSize;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The form's choices for one model, derived from its capability descriptor, with the duration and
 * size to show as chosen: the person's own choice when the model offers it, else the model's
 * default (so a radio group always has one choice checked).
 */
record ModelOptions(
    ModelDescriptor model,
    List<Integer> seconds,
    int chosenSeconds,
    List<SizeOption> sizes,
    String chosenSize,
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

  /** The sizes as rows of one aspect ratio each, in the model's order: "16:9 · 480p 720p 1080p". */
  public List<SizeRow> sizeRows() {
    var rows = new LinkedHashMap<String, List<SizeOption>>();
    sizes.forEach(size ->
        rows.computeIfAbsent(size.ratio(), key -> new java.util.ArrayList<>()).add(size));
    return rows.entrySet().stream()
        .map(row -> new SizeRow(
            row.getKey(),
            row.getValue().getFirst().shape(),
            row.getValue().stream()
                .sorted(Comparator.comparingInt(SizeOption::shorterSide))
                .toList()))
        .toList();
  }

  static ModelOptions of(ModelDescriptor model) {
    return of(model, null, null);
  }

  /** The model's choices, keeping {@code seconds} and {@code size} when the model offers them. */
  static ModelOptions of(ModelDescriptor model, String seconds, String size) {
    var offered = model.secondsOffered();
    var chosenSeconds = offered.stream()
        .filter(s -> String.valueOf(s).equals(seconds))
        .findFirst()
        .orElseGet(() ->
            offered.stream().min(Comparator.comparingInt(s -> Math.abs(s - 4))).orElseThrow());
    var sizes = model.sizes().stream().map(SizeOption::of).toList();
    var chosenSize = sizes.stream()
        .map(SizeOption::value)
        .filter(value -> value.equals(size))
        .findFirst()
        .orElse(sizes.getFirst().value());
    return new ModelOptions(
        model,
        offered,
        chosenSeconds,
        sizes,
        chosenSize,
        model.can(Capability.AUDIO_GENERATION),
        model.can(Capability.CAPTION),
        model.can(Capability.FIRST_FRAME),
        model.can(Capability.LAST_FRAME),
        model.can(Capability.AUDIO_REFERENCE),
        model.can(Capability.VIDEO_REFERENCE),
        model.can(Capability.SEED),
        model.can(Capability.NEGATIVE_PROMPT));
  }

  /** The sizes of one aspect ratio: a row of resolution chips. */
  record SizeRow(String ratio, String shape, List<SizeOption> sizes) {}

  /**
   * A size as a chip: its aspect ratio ("16:9"), shape ("landscape"), resolution ("720p") and
   * pixels ("1280×720").
   */
  record SizeOption(String value, String ratio, String shape, String resolution, String pixels) {

    static SizeOption of(VideoSize size) {
      int shorter = Math.min(size.width(), size.height());
      String shape =
          size.width() == size.height() ? "square" : size.isPortrait() ? "portrait" : "landscape";
      return new SizeOption(
          size.toString(),
          ratio(size),
          shape,
          shorter + "p",
          "%d×%d".formatted(size.width(), size.height()));
    }

    int shorterSide() {
      return Integer.parseInt(resolution.substring(0, resolution.length() - 1));
    }

    /** "1280×720 · 16:9 landscape, 720p" */
    public String label() {
      return "%s · %s %s, %s".formatted(pixels, ratio, shape, resolution);
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
