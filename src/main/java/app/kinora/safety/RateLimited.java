package app.kinora.safety;

import java.time.Duration;

/** Too many requests in too short a time: try again after {@link #retryAfter()}. */
public class RateLimited extends RuntimeException {

  private final Duration retryAfter;

  public RateLimited(String what, Duration retryAfter) {
    this("Too many videos asked for %s. Please try again in %s.", what, retryAfter);
  }

  /** With a sentence of its own: {@code %s} for what was limited, then for the wait. */
  public RateLimited(String sentence, String what, Duration retryAfter) {
    super(sentence.formatted(what, describe(retryAfter)));
    this.retryAfter = retryAfter;
  }

  /** At least one second. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whole seconds, rounded up, for a {@code Retry-After} header. */
  public long retryAfterSeconds() {
    return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
  }

  private static String describe(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    if (seconds < 120) {
      return seconds == 1 ? "a second" : seconds + " seconds";
    }
    long minutes = (seconds + 59) / 60;
    return minutes < 120 ? minutes + " minutes" : (minutes + 59) / 60 + " hours";
  }
}
