package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account (by the email typed, whether or not it has an account, so
 * that the limit tells nothing) and per IP address, with token buckets (bucket4j) that refill
 * over {@code kinora.account.sign-in-window}. Buckets live on each node; the most recently
 * used ones are kept.
 */
@Component
class SignInThrottle {

  private static final int MAX_BUCKETS = 50_000;

  private final Map<String, Bucket> buckets = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
      return size() > MAX_BUCKETS;
    }
  });
  private final AccountProperties properties;

  SignInThrottle(AccountProperties properties) {
    this.properties = properties;
  }

  /** How long to wait before the next attempt, or zero if one is allowed now. */
  Duration waitBefore(String email, String ip) {
    var nanos = Math.max(
        bucket(accountKey(email), properties.signInFailuresPerAccount()).estimateAbilityToConsume(1).getNanosToWaitForRefill(),
        bucket(ipKey(ip), properties.signInFailuresPerIp()).estimateAbilityToConsume(1).getNanosToWaitForRefill());
    return Duration.ofNanos(nanos);
  }

  void failed(String email, String ip) {
    bucket(accountKey(email), properties.signInFailuresPerAccount()).tryConsume(1);
    bucket(ipKey(ip), properties.signInFailuresPerIp()).tryConsume(1);
  }

  private Bucket bucket(String key, int capacity) {
    return buckets.computeIfAbsent(key, k -> Bucket.builder()
        .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, properties.signInWindow()).build())
        .build());
  }

  private static String accountKey(String email) {
    return "account:" + (email == null ? "" : Users.normalize(email));
  }

  private static String ipKey(String ip) {
    return "ip:" + ip;
  }
}
