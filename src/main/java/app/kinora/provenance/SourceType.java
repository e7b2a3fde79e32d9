package app.kinora.provenance;

/** How the pictures came to be, in the IPTC digital source type vocabulary. */
public enum SourceType {
  /** Made by a model trained on data: every platform model. */
  TRAINED_ALGORITHMIC_MEDIA("trainedAlgorithmicMedia"),
  /** Computed by a program that is not a trained model: Kinora's local renderer. */
  ALGORITHMIC_MEDIA("algorithmicMedia");

  private static final String VOCABULARY = "http://cv.iptc.org/newscodes/digitalsourcetype/";

  private final String code;

  SourceType(String code) {
    this.code = code;
  }

  public String uri() {
    return VOCABULARY + code;
  }

  /** A source type read from a manifest, by its IPTC URI. */
  public static java.util.Optional<SourceType> of(String uri) {
    for (var type : values()) {
      if (type.uri().equals(uri)) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }
}
