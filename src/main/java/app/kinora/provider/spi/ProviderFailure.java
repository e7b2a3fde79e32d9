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
  private final boolean outcomeUnknown;

  /** A failure of the local renderer, or any other with a code of its own. */
  public ProviderFailure(String code, String userMessage, Throwable cause) {
    this(code, userMessage, cause, false, null, false, false);
  }

  private ProviderFailure(
      String code,
      String userMessage,
      Throwable cause,
      boolean transientError,
      Duration retryAfter,
      boolean noFallback,
      boolean outcomeUnknown) {
    super(userMessage, cause);
    this.code = code;
    this.transientError = transientError;
    this.retryAfter = retryAfter;
    this.noFallback = noFallback;
    this.outcomeUnknown = outcomeUnknown;
  }

  /** The same failure, but no other route may take over: the platform had already made the video. */
  public ProviderFailure withoutFallback() {
    return new ProviderFailure(
        code, getMessage(), getCause(), transientError, retryAfter, true, outcomeUnknown);
  }

  /**
   * The same failure, where the request may have reached the platform and been accepted (a read
   * timeout, a reset after sending, a 500, a malformed success): a submission must not be sent
   * again, only looked up.
   */
  public ProviderFailure withOutcomeUnknown() {
    return new ProviderFailure(
        code, getMessage(), getCause(), transientError, retryAfter, noFallback, true);
  }

  /** Whether the platform may have accepted the request despite this failure. */
  public boolean isOutcomeUnknown() {
    return outcomeUnknown;
  }

  /** A failure with the code's own reason; the detail goes to logs only. */
  public static ProviderFailure of(FailureCode code, String detail) {
    return new ProviderFailure(
        code.code(),
        code.reason(),
        detail == null ? null : new Detail(detail),
        false,
        null,
        false,
        false);
  }

  /** A failure that the same call may not repeat, e.g. 503 or a dropped connection. */
  public static ProviderFailure transientFailure(
      FailureCode code, String detail, Duration retryAfter) {
    return new ProviderFailure(
        code.code(), code.reason(), new Detail(detail), true, retryAfter, false, false);
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
