package app.kinora.provider.spi;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider could not do what was asked. The message is for users (no platform ids, no raw
 * platform errors); the cause keeps the technical detail for logs.
 *
 * @see #code() a machine-readable reason such as {@code provider_unavailable}, {@code timeout},
 *     {@code invalid_input}, {@code moderation_blocked}, {@code expired}, {@code render_failed}
 */
public class ProviderFailure extends RuntimeException {

  private final String code;
  private final boolean transientError;
  private final Duration retryAfter;
  private final boolean noFallback;

  /** A failure of the local renderer, or any other with a code of its own. */
  public ProviderFailure(String code, String userMessage, Throwable cause) {
    this(code, userMessage, cause, false, null);
  }

  private ProviderFailure(
      String code,
      String userMessage,
      Throwable cause,
      boolean transientError,
      Duration retryAfter) {
    this(code, userMessage, cause, transientError, retryAfter, false);
  }

  private ProviderFailure(
      String code,
      String userMessage,
      Throwable cause,
      boolean transientError,
      Duration retryAfter,
      boolean noFallback) {
    super(userMessage, cause);
    this.code = code;
    this.transientError = transientError;
    this.retryAfter = retryAfter;
    this.noFallback = noFallback;
  }

  /** The same failure, but no other route may take over: the platform had already made the video. */
  public ProviderFailure withoutFallback() {
    return new ProviderFailure(code, getMessage(), getCause(), transientError, retryAfter, true);
  }

  /** A failure with the code's own reason; the detail goes to logs only. */
  public static ProviderFailure of(FailureCode code, String detail) {
    return new ProviderFailure(
        code.code(), code.reason(), detail == null ? null : new Detail(detail), false, null);
  }

  /** A failure that the same call may not repeat, e.g. 503 or a dropped connection. */
  public static ProviderFailure transientFailure(
      FailureCode code, String detail, Duration retryAfter) {
    return new ProviderFailure(code.code(), code.reason(), new Detail(detail), true, retryAfter);
  }

  public String code() {
    return code;
  }

  /** Whether repeating the same call later may succeed. */
  public boolean isTransient() {
    return transientError;
  }

  /** How long the platform asked us to wait ({@code Retry-After}), if it did. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** Whether another route may try the same request. */
  public boolean allowsFallback() {
    if (noFallback) {
      return false;
    }
    try {
      return FailureCode.valueOf(code.toUpperCase(Locale.ROOT)).allowsFallback();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The technical detail, for logs. */
  public String detail() {
    return getCause() == null ? "" : getCause().getMessage();
  }

  /** The platform's words, kept out of the user's message. */
  static final class Detail extends RuntimeException {
    Detail(String message) {
      super(message, null, false, false);
    }
  }
}
