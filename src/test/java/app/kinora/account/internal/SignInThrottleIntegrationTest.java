package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.AccountProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sign-in throttle's buckets in the database: each test builds limiters as nodes would, on
 * the one database of the test context (each with the same settings, as the nodes of one site
 * have), and uses its own emails and addresses, since buckets outlive a test.
 */
class SignInThrottleIntegrationTest extends IntegrationTest {

  @Autowired
  DataSource dataSource;

  @Autowired
  SigningKeys keys;

  @Autowired
  JdbcClient jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);

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

  private SignInThrottle node(AccountProperties limits) {
    return new SignInThrottle(dataSource, limits, keys);
  }

  private String email(String name) {
    return name + "." + run + "@kinora.test";
  }

  private String address(int last) {
    return "203.0." + (Math.abs(run.hashCode()) % 250) + "." + last;
  }

  @Test
  void anAddressThatFailsForManyEmailsIsStoppedForEveryEmailOnEveryNode() {
    var here = node(limits(100, 3));
    var there = node(limits(100, 3));
    assertThat(here.reserve(email("user0"), address(7))).isZero();
    assertThat(there.reserve(email("user1"), address(7))).isZero();
    assertThat(here.reserve(email("user2"), address(7))).isZero();

    assertThat(there.reserve(email("fresh"), address(7))).isPositive();
    assertThat(here.reserve(email("fresh"), address(7))).isPositive();
    assertThat(there.reserve(email("fresh"), address(8))).isZero();
  }

  @Test
  void anEmailThatFailsFromManyAddressesIsStoppedEverywhereWhateverItsCase() {
    var here = node(limits(2, 100));
    var there = node(limits(2, 100));
    here.reserve(email("Target"), address(1));
    there.reserve(email("target"), address(2));
    assertThat(here.reserve(email("TARGET"), address(3)))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMinutes(15));
    assertThat(there.reserve(email("TARGET"), address(4))).isPositive();
    assertThat(there.reserve(email("other"), address(3))).isZero();
  }

  @Test
  void aRightPasswordGivesItsAttemptBack() {
    var here = node(limits(2, 100));
    var there = node(limits(2, 100));
    for (int i = 0; i < 10; i++) {
      var node = i % 2 == 0 ? here : there;
      assertThat(node.reserve(email("regular"), address(9))).isZero();
      node.succeeded(email("regular"), address(9));
    }
  }

  @Test
  void anAttemptRefusedForItsAddressCostsTheEmailNothing() {
    var throttle = node(limits(2, 1));
    assertThat(throttle.reserve(email("first"), address(5))).isZero();
    assertThat(throttle.reserve(email("victim"), address(5))).isPositive();
    assertThat(throttle.reserve(email("victim"), address(15))).isZero();
    assertThat(throttle.reserve(email("victim"), address(16))).isZero();
  }

  @Test
  void parallelAttemptsOnTwoNodesGetNoMoreChecksThanTheLimit() throws Exception {
    var nodes = List.of(node(limits(5, 1000)), node(limits(5, 1000)));
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Duration>>();
    try (var threads = Executors.newFixedThreadPool(40)) {
      for (int i = 0; i < 40; i++) {
        var node = nodes.get(i % 2);
        results.add(threads.submit(() -> {
          start.await();
          return node.reserve(email("parallel"), address(40));
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

  @Test
  void theTableNamesNoEmailOrAddressAndFullBucketsAreDeleted() {
    var throttle = node(limits(5, 5));
    throttle.reserve(email("private"), address(77));
    assertThat(app.kinora.DatabaseScan.tablesContaining(jdbc, email("private"))).isEmpty();
    assertThat(app.kinora.DatabaseScan.tablesContaining(jdbc, address(77))).isEmpty();

    var rows = jdbc.sql("select count(*) from account_sign_in_buckets")
        .query(Long.class)
        .single();
    jdbc.sql("update account_sign_in_buckets set expires_at = 0 where expires_at is not null")
        .update();
    assertThat(throttle.removeExpired()).isEqualTo((int) (long) rows);
    assertThat(jdbc.sql("select count(*) from account_sign_in_buckets")
            .query(Long.class)
            .single())
        .isZero();
  }
}
