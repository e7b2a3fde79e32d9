package app.kinora.safety.spi;

import app.kinora.safety.ScreenedImage;
import java.util.List;
import java.util.Optional;

/**
 * One link of the screening chain. Screeners run in their {@code @Order}; the first that objects
 * decides. A screener that cannot answer throws {@link ScreenerUnavailable}; the chain then
 * follows the operator's fail-open or fail-closed setting.
 */
public interface Screener {

  /** A short name for operators and the audit trail, e.g. {@code blocked-terms}. */
  String name();

  /** The policy category the texts break, or empty when they pass. */
  Optional<String> screen(List<String> texts);

  /** Whether this screener looks at images too (then {@link #screenImages} is asked). */
  default boolean takesImages() {
    return false;
  }

  /** The policy category the images break, or empty when they pass. */
  default Optional<String> screenImages(List<ScreenedImage> images) {
    return Optional.empty();
  }

  /** The screener could not give an answer (timeout, error from a remote service). */
  class ScreenerUnavailable extends RuntimeException {
    public ScreenerUnavailable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
