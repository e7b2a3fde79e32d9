package app.kinora.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.provider.spi.FailureCode;
import app.kinora.provider.spi.ProviderFailure;
import io.github.resilience4j.core.functions.Either;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retries and circuit breakers around platform calls. */
class ResilienceUnitTest {

  static ProviderProperties properties(int attempts) {
    return properties(attempts, Duration.ofSeconds(30));
  }

  static ProviderProperties properties(int attempts, Duration circuitOpenFor) {
    return new ProviderProperties(
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMinutes(1),
        Duration.ofSeconds(1),
        Duration.ofSeconds(1),
        attempts,
        Duration.ofMillis(1),
        Duration.ofSeconds(30),
        circuitOpenFor,
        null,
        Map.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void waitsAsLongAsRetryAfterSaysUpToTheCapElseDoubles() {
    var pause = Resilience.pause(Duration.ofSeconds(2), Duration.ofSeconds(60));
    var asked =
        ProviderFailure.transientFailure(FailureCode.RATE_LIMITED, "429", Duration.ofSeconds(7));
    var greedy =
        ProviderFailure.transientFailure(FailureCode.RATE_LIMITED, "429", Duration.ofHours(1));
    var silent = ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);

    assertThat(pause.apply(1, Either.left(asked))).isEqualTo(7_000L);
    assertThat(pause.apply(1, Either.left(greedy))).isEqualTo(60_000L);
    assertThat(pause.apply(1, Either.left(silent))).isEqualTo(2_000L);
    assertThat(pause.apply(3, Either.left(silent))).isEqualTo(8_000L);
  }

  @Test
  void retriesTransientFailuresOnlyAndGivesUpAfterTheAttempts() {
    var resilience = new Resilience(properties(3));
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> resilience.submit("flaky", () -> {
          calls.incrementAndGet();
          throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
        }))
        .isInstanceOf(ProviderFailure.class);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThatThrownBy(() -> resilience.submit("strict", () -> {
          calls.incrementAndGet();
          throw ProviderFailure.of(FailureCode.INVALID_INPUT, "400");
        }))
        .isInstanceOf(ProviderFailure.class);
    assertThat(calls).hasValue(1);
  }

  @Test
  void pausesAPlatformThatKeepsFailingWithoutCallingIt() {
    var resilience = new Resilience(properties(1));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> resilience.submit("down", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
          }))
          .isInstanceOf(ProviderFailure.class);
    }
    var calls = new AtomicInteger();

    assertThat(resilience.available("down")).isFalse();
    assertThat(resilience.available("elsewhere")).isTrue();
    assertThatThrownBy(() -> resilience.submit("down", calls::incrementAndGet))
        .isInstanceOfSatisfying(ProviderFailure.class, f -> {
          assertThat(f.code()).isEqualTo("provider_unavailable");
          assertThat(f.allowsFallback()).isTrue();
        });
    assertThat(calls).hasValue(0);
    assertThat(resilience.states()).containsEntry("down", "OPEN");
  }

  /** A paused platform is skipped without being called; it must still get its trial calls once the pause ends. */
  @Test
  void aPausedPlatformIsOfferedWorkAgainWhenThePauseEndsThoughNobodyCalledIt() throws Exception {
    var resilience = new Resilience(properties(1, Duration.ofMillis(100)));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> resilience.submit("flaky", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
          }))
          .isInstanceOf(ProviderFailure.class);
    }
    assertThat(resilience.available("flaky")).isFalse();

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> resilience.available("flaky"));
    assertThat(resilience.submit("flaky", () -> "back")).isEqualTo("back");
  }

  /** A submission the platform may have taken is never sent twice: it is looked up instead. */
  @Test
  void aSubmissionWhoseOutcomeIsUnknownIsSentOnce() {
    var resilience = new Resilience(properties(3));
    var calls = new AtomicInteger();

    assertThatThrownBy(() -> resilience.submit("slow", () -> {
          calls.incrementAndGet();
          throw ProviderFailure.transientFailure(FailureCode.TIMEOUT, "read timeout", null)
              .withOutcomeUnknown();
        }))
        .isInstanceOfSatisfying(
            ProviderFailure.class, f -> assertThat(f.isOutcomeUnknown()).isTrue());
    assertThat(calls).hasValue(1);

    calls.set(0);
    assertThat(resilience.retrying("slow", () -> {
          if (calls.incrementAndGet() < 3) {
            throw ProviderFailure.transientFailure(FailureCode.TIMEOUT, "read timeout", null)
                .withOutcomeUnknown();
          }
          return "status";
        }))
        .as("reading a job's state may be repeated")
        .isEqualTo("status");
  }

  /** Three retries of one submission are one failure to the breaker, not three. */
  @Test
  void theBreakerCountsSubmissionsNotRetries() {
    var resilience = new Resilience(properties(3));
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> resilience.submit("flaky", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
          }))
          .isInstanceOf(ProviderFailure.class);
    }

    assertThat(resilience.available("flaky"))
        .as("4 failed submissions (12 calls) are under the 5 the breaker needs")
        .isTrue();
  }

  /** A malformed answer is one request's error: it does not pause the platform for everyone. */
  @Test
  void malformedAnswersDoNotPauseThePlatform() {
    var resilience = new Resilience(properties(1));
    for (int i = 0; i < 10; i++) {
      assertThatThrownBy(() -> resilience.submit("sloppy", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_ERROR, "malformed", null)
                .withOutcomeUnknown();
          }))
          .isInstanceOfSatisfying(
              ProviderFailure.class, f -> assertThat(f.code()).isEqualTo("provider_error"));
    }

    assertThat(resilience.available("sloppy")).isTrue();
  }
}
