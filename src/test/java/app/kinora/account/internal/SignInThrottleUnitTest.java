package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.account.AccountProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SignInThrottleUnitTest {

  static AccountProperties limits(int perAccount, int perIp) {
    return new AccountProperties(
        true,
        10,
        13,
        Map.of(),
        null,
        Duration.ofHours(24),
        Duration.ofHours(1),
        Duration.ofDays(7),
        perAccount,
        perIp,
        Duration.ofMinutes(15),
        Duration.ofDays(30),
        Duration.ofDays(365),
        new AccountProperties.ProofOfWork(true, 100_000, Duration.ofMinutes(20)));
  }

  @Test
  void anAddressThatFailsForManyEmailsIsStoppedForEveryEmail() {
    var throttle = new SignInThrottle(limits(100, 3));
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.reserve("user" + i + "@kinora.test", "203.0.113.7")).isZero();
    }
    assertThat(throttle.reserve("fresh@kinora.test", "203.0.113.7")).isPositive();
    assertThat(throttle.reserve("fresh@kinora.test", "198.51.100.1")).isZero();
  }

  @Test
  void anEmailThatFailsFromManyAddressesIsStoppedEverywhereWhateverItsCase() {
    var throttle = new SignInThrottle(limits(2, 100));
    throttle.reserve("Target@kinora.test", "203.0.113.1");
    throttle.reserve("target@kinora.test", "203.0.113.2");
    assertThat(throttle.reserve("TARGET@kinora.test", "203.0.113.3"))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.reserve("other@kinora.test", "203.0.113.3")).isZero();
  }

  @Test
  void aRightPasswordGivesItsAttemptBack() {
    var throttle = new SignInThrottle(limits(2, 100));
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.reserve("regular@kinora.test", "203.0.113.9")).isZero();
      throttle.succeeded("regular@kinora.test", "203.0.113.9");
    }
  }

  @Test
  void anAttemptRefusedForItsAddressCostsTheEmailNothing() {
    var throttle = new SignInThrottle(limits(2, 1));
    assertThat(throttle.reserve("first@kinora.test", "203.0.113.5")).isZero();
    assertThat(throttle.reserve("victim@kinora.test", "203.0.113.5")).isPositive();
    assertThat(throttle.reserve("victim@kinora.test", "198.51.100.5")).isZero();
    assertThat(throttle.reserve("victim@kinora.test", "198.51.100.6")).isZero();
  }

  @Test
  void parallelAttemptsGetNoMoreChecksThanTheLimit() throws Exception {
    var throttle = new SignInThrottle(limits(5, 1000));
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Duration>>();
    try (var threads = Executors.newFixedThreadPool(40)) {
      for (int i = 0; i < 40; i++) {
        results.add(threads.submit(() -> {
          start.await();
          return throttle.reserve("parallel@kinora.test", "203.0.113.40");
        }));
      }
      start.countDown();
    }
    var allowed = 0;
    for (var result : results) {
      allowed += result.get().isZero() ? 1 : 0;
    }
    assertThat(allowed).isEqualTo(5);
  }
}
