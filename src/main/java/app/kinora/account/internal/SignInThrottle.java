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
 * over {@code kinora.account.sign-in-window}.
 *
 * <p>An attempt is taken from both buckets <em>before</em> its password or code is checked, each
 * take one atomic {@code tryConsume}, and a success gives it back. Checking first and counting the
 * failure afterwards let parallel guesses all pass a check made before any of them had failed.
 * Buckets live on each node; the most recently used ones are kept.
 */
@Component
class SignInThrottle {

  private static final int MAX_BUCKETS = 50_000;

  private final Map<String, Bucket> buckets =
      Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
          return size() > MAX_BUCKETS;
        }
      });
  private final AccountProperties properties;

  SignInThrottle(AccountProperties properties) {
    this.properties = properties;
  }

  /**
   * Takes one attempt for the email and the address: zero if the password or code may now be
   * checked, else how long to wait (and nothing is taken).
   */
  Duration reserve(String email, String ip) {
    var account = accountBucket(email);
    var fromAccount = account.tryConsumeAndReturnRemaining(1);
    if (!fromAccount.isConsumed()) {
      return Duration.ofNanos(fromAccount.getNanosToWaitForRefill());
    }
    var fromIp = ipBucket(ip).tryConsumeAndReturnRemaining(1);
    if (!fromIp.isConsumed()) {
      account.addTokens(1);
      return Duration.ofNanos(fromIp.getNanosToWaitForRefill());
    }
    return Duration.ZERO;
  }

  /** Gives back the attempt reserved for a password or code that was right. */
  void succeeded(String email, String ip) {
    accountBucket(email).addTokens(1);
    ipBucket(ip).addTokens(1);
  }

  private Bucket accountBucket(String email) {
    return bucket(
        "account:" + (email == null ? "" : Users.normalize(email)),
        properties.signInFailuresPerAccount());
  }

  private Bucket ipBucket(String ip) {
    return bucket("ip:" + ip, properties.signInFailuresPerIp());
  }

  private Bucket bucket(String key, int capacity) {
    return buckets.computeIfAbsent(
        key,
        k -> Bucket.builder()
            .addLimit(Bandwidth.builder()
                .capacity(capacity)
                .refillGreedy(capacity, properties.signInWindow())
                .build())
            .build());
  }
}
