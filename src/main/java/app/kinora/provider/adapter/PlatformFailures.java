package app.kinora.provider.adapter;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;

/**
 * How a platform's error answers and its silences become {@link ProviderFailure}s, the same for
 * every adapter: what may be sent again (the platform surely did not take the request) and what
 * has an unknown outcome (it may have).
 */
final class PlatformFailures {

  private PlatformFailures() {}

  /**
   * An error status. 429 and 503 say the platform did not take the request (as their
   * documentation has it); any other 5xx, 408 and 504 may come after it did.
   */
  static ProviderFailure ofStatus(
      String platform, int code, HttpHeaders headers, String body, boolean moderation) {
    var detail = platform + " answered " + code + ": " + abbreviate(body);
    if (code == 429) {
      return ProviderFailure.transientFailure(
          FailureCode.RATE_LIMITED, detail, retryAfter(headers));
    }
    if (code == 408 || code == 504) {
      return ProviderFailure.transientFailure(FailureCode.TIMEOUT, detail, retryAfter(headers))
          .withOutcomeUnknown();
    }
    if (code == 503) {
      return ProviderFailure.transientFailure(
          FailureCode.PROVIDER_UNAVAILABLE, detail, retryAfter(headers));
    }
    if (code >= 500) {
      return ProviderFailure.transientFailure(
              FailureCode.PROVIDER_UNAVAILABLE, detail, retryAfter(headers))
          .withOutcomeUnknown();
    }
    if (code == 401 || code == 403) {
      return ProviderFailure.of(FailureCode.PROVIDER_UNAVAILABLE, detail);
    }
    if (code == 410) {
      return ProviderFailure.of(FailureCode.EXPIRED, detail);
    }
    if (moderation) {
      return ProviderFailure.of(FailureCode.MODERATION_BLOCKED, detail);
    }
    if (code == 400 || code == 413 || code == 422) {
      return ProviderFailure.of(FailureCode.INVALID_INPUT, detail);
    }
    return ProviderFailure.of(FailureCode.PROVIDER_ERROR, detail);
  }

  /**
   * A failure of the exchange itself: a request that surely did not reach the platform (refused,
   * unresolvable, connect timeout) may be sent again; one that may have (no answer in time, a
   * connection lost after sending) has an unknown outcome.
   */
  static ProviderFailure ofTransport(String platform, RuntimeException e) {
    // A ResourceAccessException from the client, or an UncheckedIOException while reading.
    if (e instanceof ResourceAccessException) {
      var cause = e.getCause();
      if (neverSent(cause)) {
        return ProviderFailure.transientFailure(
            FailureCode.PROVIDER_UNAVAILABLE, platform + " unreachable: " + e.getMessage(), null);
      }
      if (cause instanceof HttpTimeoutException || cause instanceof SocketTimeoutException) {
        return ProviderFailure.transientFailure(
                FailureCode.TIMEOUT, platform + " did not answer in time", null)
            .withOutcomeUnknown();
      }
      return ProviderFailure.transientFailure(
              FailureCode.PROVIDER_UNAVAILABLE, platform + " unreachable: " + e.getMessage(), null)
          .withOutcomeUnknown();
    }
    return ProviderFailure.transientFailure(
            FailureCode.PROVIDER_UNAVAILABLE, platform + ": " + e.getMessage(), null)
        .withOutcomeUnknown();
  }

  /** Whether a platform's error text says its content rules refused the request. */
  static boolean mentionsModeration(String text) {
    var lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
    return lower.contains("moderation")
        || lower.contains("content policy")
        || lower.contains("content_policy")
        || lower.contains("safety")
        || lower.contains("nsfw")
        || lower.contains("flagged")
        || lower.contains("sensitive");
  }

  /** Seconds or an HTTP date, as RFC 9110 allows. */
  static Duration retryAfter(HttpHeaders headers) {
    var value = headers.getFirst(HttpHeaders.RETRY_AFTER);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
    } catch (NumberFormatException e) {
      try {
        var at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
        var wait = Duration.between(Instant.now(), at);
        return wait.isNegative() ? Duration.ZERO : wait;
      } catch (RuntimeException unparsable) {
        return null;
      }
    }
  }

  private static boolean neverSent(Throwable cause) {
    for (var e = cause; e != null; e = e.getCause()) {
      if (e instanceof HttpConnectTimeoutException
          || e instanceof ConnectException
          || e instanceof UnknownHostException
          || e instanceof UnresolvedAddressException) {
        return true;
      }
    }
    return false;
  }

  private static String abbreviate(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}
