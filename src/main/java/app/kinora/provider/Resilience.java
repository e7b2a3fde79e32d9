package app.kinora.provider;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every call to a platform goes through a retry (transient failures only, honouring {@code
 * Retry-After}); submissions are retried only when they surely did not reach the platform, and go
 * through a circuit breaker per platform that counts each submission once (not each retry) and
 * only failures that say the platform is unavailable, so a platform that keeps failing gets no new
 * jobs for a while and they move on to their next route.
 */
@Component
class Resilience {

  private final CircuitBreakerRegistry breakers;
  private final RetryRegistry retries;
  private final RetryRegistry submitRetries;

  private static final java.util.Set<String> UNAVAILABILITY = java.util.Set.of(
      FailureCode.PROVIDER_UNAVAILABLE.code(),
      FailureCode.TIMEOUT.code(),
      FailureCode.RATE_LIMITED.code());

  Resilience(ProviderProperties properties) {
    this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
        .slidingWindowSize(10)
        .minimumNumberOfCalls(5)
        .failureRateThreshold(50)
        .waitDurationInOpenState(properties.circuitOpenFor())
        // routing skips an open platform without calling it, so the breaker must reopen to trial
        // calls by itself when the pause ends, or it would stay open for good
        .automaticTransitionFromOpenToHalfOpenEnabled(true)
        .permittedNumberOfCallsInHalfOpenState(2)
        .recordException(Resilience::isUnavailability)
        .build());
    var retry = RetryConfig.custom()
        .maxAttempts(properties.attempts())
        .retryOnException(Resilience::isTransient)
        .intervalBiFunction(pause(properties.retryWait(), properties.maxRetryAfter()))
        .build();
    this.retries = RetryRegistry.of(retry);
    this.submitRetries = RetryRegistry.of(
        RetryConfig.from(retry).retryOnException(Resilience::surelyNotTaken).build());
  }

  /** Forgets every platform's recent calls, for tests that share one running application. */
  void forgetRecentCalls() {
    breakers.getAllCircuitBreakers().forEach(breaker -> breaker.reset());
  }

  private static boolean isTransient(Throwable e) {
    return e instanceof ProviderFailure failure && failure.isTransient();
  }

  /** Sending it again cannot make a second job: the platform surely did not take the first. */
  private static boolean surelyNotTaken(Throwable e) {
    return isTransient(e) && !((ProviderFailure) e).isOutcomeUnknown();
  }

  /**
   * The platform is down, overloaded or silent. A malformed answer or a refusal is the platform's
   * error about one request, not a reason to pause it for everyone.
   */
  private static boolean isUnavailability(Throwable e) {
    return isTransient(e) && UNAVAILABILITY.contains(((ProviderFailure) e).code());
  }

  /** {@code Retry-After} when the platform sent one (capped), else a doubling pause. */
  static IntervalBiFunction<Object> pause(Duration first, Duration cap) {
    return (attempt, outcome) -> {
      if (outcome.isLeft()
          && outcome.getLeft() instanceof ProviderFailure failure
          && failure.retryAfter().isPresent()) {
        var asked = failure.retryAfter().get();
        return (asked.compareTo(cap) > 0 ? cap : asked).toMillis();
      }
      return first.toMillis() << Math.min(attempt - 1, 10);
    };
  }

  /**
   * A submission: retried only while the platform surely did not take it, and counted once by the
   * platform's breaker however many times it was sent.
   */
  <T> T submit(String provider, Supplier<T> call) {
    var breaker = breakers.circuitBreaker(provider);
    var retry = submitRetries.retry(provider);
    try {
      return breaker.executeSupplier(() -> retry.executeSupplier(call));
    } catch (CallNotPermittedException e) {
      throw ProviderFailure.of(
          FailureCode.PROVIDER_UNAVAILABLE, provider + " is paused after repeated failures");
    }
  }

  /**
   * Retries without the breaker: for following and collecting a job already submitted, which must
   * go on while the platform is paused for new work.
   */
  <T> T retrying(String provider, Supplier<T> call) {
    return retries.retry(provider).executeSupplier(call);
  }

  /** False while the platform's breaker is open: skip it and try the next route. */
  boolean available(String provider) {
    var state = breakers.circuitBreaker(provider).getState();
    return state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN;
  }

  /** Each platform's breaker state, for operators. */
  Map<String, String> states() {
    var states = new TreeMap<String, String>();
    breakers
        .getAllCircuitBreakers()
        .forEach(b -> states.put(b.getName(), b.getState().name()));
    return states;
  }
}
