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

    assertThatThrownBy(() -> resilience.call("flaky", () -> {
          calls.incrementAndGet();
          throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
        }))
        .isInstanceOf(ProviderFailure.class);
    assertThat(calls).hasValue(3);

    calls.set(0);
    assertThatThrownBy(() -> resilience.call("strict", () -> {
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
      assertThatThrownBy(() -> resilience.call("down", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
          }))
          .isInstanceOf(ProviderFailure.class);
    }
    var calls = new AtomicInteger();

    assertThat(resilience.available("down")).isFalse();
    assertThat(resilience.available("elsewhere")).isTrue();
    assertThatThrownBy(() -> resilience.call("down", calls::incrementAndGet))
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
      assertThatThrownBy(() -> resilience.call("flaky", () -> {
            throw ProviderFailure.transientFailure(FailureCode.PROVIDER_UNAVAILABLE, "503", null);
          }))
          .isInstanceOf(ProviderFailure.class);
    }
    assertThat(resilience.available("flaky")).isFalse();

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> resilience.available("flaky"));
    assertThat(resilience.call("flaky", () -> "back")).isEqualTo("back");
  }
}
