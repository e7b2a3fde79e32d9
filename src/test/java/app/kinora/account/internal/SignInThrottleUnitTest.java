package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.account.AccountProperties;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignInThrottleUnitTest {

  static AccountProperties limits(int perAccount, int perIp) {
    return new AccountProperties(true, 10, 13, Map.of(), null, Duration.ofHours(24), Duration.ofHours(1),
        Duration.ofDays(7), perAccount, perIp, Duration.ofMinutes(15), Duration.ofDays(30), Duration.ofDays(365));
  }

  @Test
  void anAddressThatFailsForManyEmailsIsStoppedForEveryEmail() {
    var throttle = new SignInThrottle(limits(100, 3));
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.waitBefore("user" + i + "@kinora.test", "203.0.113.7")).isZero();
      throttle.failed("user" + i + "@kinora.test", "203.0.113.7");
    }
    assertThat(throttle.waitBefore("fresh@kinora.test", "203.0.113.7")).isPositive();
    assertThat(throttle.waitBefore("fresh@kinora.test", "198.51.100.1")).isZero();
  }

  @Test
  void anEmailThatFailsFromManyAddressesIsStoppedEverywhereWhateverItsCase() {
    var throttle = new SignInThrottle(limits(2, 100));
    throttle.failed("Target@kinora.test", "203.0.113.1");
    throttle.failed("target@kinora.test", "203.0.113.2");
    assertThat(throttle.waitBefore("TARGET@kinora.test", "203.0.113.3"))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(throttle.waitBefore("other@kinora.test", "203.0.113.3")).isZero();
  }
}
