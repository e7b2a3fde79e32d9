package app.kinora.provider.spi;

/**
 * A provider could not produce the video.
 *
 * @see #code() a machine-readable reason such as {@code provider_unavailable}, {@code timeout},
 *     {@code invalid_input}, {@code render_failed}
 */
public class ProviderFailure extends RuntimeException {

  private final String code;

  public ProviderFailure(String code, String userMessage, Throwable cause) {
    super(userMessage, cause);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
