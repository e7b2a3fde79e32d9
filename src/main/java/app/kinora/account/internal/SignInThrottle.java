package app.kinora.account.internal;

import app.kinora.account.AccountProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Limits failed sign-ins per account (by the email typed, whether or not it has an account, so
 * that the limit tells nothing) and per IP address, with token buckets (bucket4j) that refill
 * over {@code kinora.account.sign-in-window}.
 *
 * <p>An attempt is taken from both buckets <em>before</em> its password or code is checked, each
 * take one atomic {@code tryConsume}, and a success gives it back. Checking first and counting the
 * failure afterwards let parallel guesses all pass a check made before any of them had failed.
 * The buckets live in {@code account_sign_in_buckets} (bucket4j's PostgreSQL proxy manager, a row
 * lock per bucket), so every node takes from the same ones: guesses spread over many nodes get
 * no more tries than on one. A bucket's id is an HMAC of the email or address under a key all
 * nodes share, so the table names no one.
 */
@Component
class SignInThrottle {

  private final ProxyManager<String> buckets;
  private final AccountProperties properties;
  private final SigningKeys keys;

  SignInThrottle(DataSource dataSource, AccountProperties properties, SigningKeys keys) {
    this.properties = properties;
    this.keys = keys;
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("account_sign_in_buckets")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
            Duration.ofMinutes(1)))
        .build();
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

  /** Deletes buckets that are full again (run by the {@code sign-in-buckets} job). */
  int removeExpired() {
    int removed = 0;
    if (buckets instanceof ExpiredEntriesCleaner cleaner) {
      for (int batch = cleaner.removeExpired(1000);
          batch > 0;
          batch = cleaner.removeExpired(1000)) {
        removed += batch;
      }
    }
    return removed;
  }

  private BucketProxy accountBucket(String email) {
    return bucket(
        "account:" + (email == null ? "" : Users.normalize(email)),
        properties.signInFailuresPerAccount());
  }

  private BucketProxy ipBucket(String ip) {
    return bucket("ip:" + ip, properties.signInFailuresPerIp());
  }

  private BucketProxy bucket(String key, int capacity) {
    return buckets
        .builder()
        .build(
            keyed(key),
            () -> BucketConfiguration.builder()
                .addLimit(limit ->
                    limit.capacity(capacity).refillGreedy(capacity, properties.signInWindow()))
                .build());
  }

  /** The bucket's id: an HMAC of what it counts, so that no email or address is stored. */
  private String keyed(String key) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.key("sign-in-throttle"), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)), 0, 20);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
