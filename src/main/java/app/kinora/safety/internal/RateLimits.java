package app.kinora.safety.internal;

import app.kinora.safety.FairUse;
import app.kinora.safety.RateLimited;
import app.kinora.safety.SafetyProperties;
import app.kinora.shared.UserId;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Token buckets (bucket4j) kept in {@code safety_rate_buckets}, so every node takes from the same
 * ones: a row lock ({@code select … for update}) serialises the nodes. A submission takes one
 * token from the account's bucket and, when it comes with an HTTP request, from its API key's and
 * its address's; the first empty bucket refuses it with the time until a token is back. The
 * account, the key and the address are kept only as a hash in the bucket's id.
 */
@Service
class RateLimits implements FairUse {

  private final ProxyManager<String> buckets;
  private final SafetyProperties.Limits limits;
  private final SafetyStore store;

  RateLimits(DataSource dataSource, SafetyProperties properties, SafetyStore store) {
    this.limits = properties.limits();
    this.store = store;
    this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
        .primaryKeyMapper(PrimaryKeyMapper.STRING)
        .table("safety_rate_buckets")
        .idColumn("id")
        .stateColumn("state")
        .expiresAtColumn("expires_at")
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
            Duration.ofMinutes(1)))
        .build();
  }

  @Override
  public void admitSubmission(UserId user) {
    take(
        accountBucket(user),
        "for this account",
        BucketConfiguration.builder()
            .addLimit(limit -> limit
                .capacity(limits.perAccountPerMinute())
                .refillIntervally(limits.perAccountPerMinute(), Duration.ofMinutes(1)))
            .addLimit(limit -> limit
                .capacity(limits.perAccountPerDay())
                .refillIntervally(limits.perAccountPerDay(), Duration.ofDays(1)))
            .build());
    var request = currentRequest();
    request
        .flatMap(RateLimits::apiKey)
        .ifPresent(
            key -> take("key:" + key, "with this API key", perMinute(limits.perApiKeyPerMinute())));
    request.ifPresent(r -> take(
        "address:" + hash(r.getRemoteAddr()),
        "from this network address",
        perMinute(limits.perAddressPerMinute())));
  }

  @Override
  public void admitSignUp(String address) {
    var count = limits.signUpsPerAddressPerHour();
    take(
        "signup:" + hash(address),
        "from this network address",
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(count).refillIntervally(count, Duration.ofHours(1)))
            .build());
  }

  /** The account's bucket, named by a hash so that the table holds no user id. */
  static String accountBucket(UserId user) {
    return "account:" + hash(user.toString());
  }

  /** Forgets the account's bucket (closure). */
  void forget(UserId user) {
    buckets.removeProxy(accountBucket(user));
  }

  @Override
  public int priority(UserId user) {
    return store.priority(user);
  }

  @Override
  public int maxRunning(UserId user) {
    return limits.runningPerAccount();
  }

  /** Drops up to 1000 buckets that are full again; run hourly ({@code RateBucketsJobConfiguration}). */
  int removeExpired() {
    return buckets instanceof io.github.bucket4j.distributed.proxy.ExpiredEntriesCleaner cleaner
        ? cleaner.removeExpired(1000)
        : 0;
  }

  private void take(String key, String what, BucketConfiguration configuration) {
    var probe = buckets.builder().build(key, () -> configuration).tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      var wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
      throw key.startsWith("signup:")
          ? new RateLimited("Too many accounts were opened %s. Please try again in %s.", what, wait)
          : new RateLimited(what, wait);
    }
  }

  private static BucketConfiguration perMinute(long count) {
    return BucketConfiguration.builder()
        .addLimit(limit -> limit.capacity(count).refillIntervally(count, Duration.ofMinutes(1)))
        .build();
  }

  private static Optional<HttpServletRequest> currentRequest() {
    return RequestContextHolder.getRequestAttributes()
            instanceof ServletRequestAttributes attributes
        ? Optional.of(attributes.getRequest())
        : Optional.empty();
  }

  private static Optional<String> apiKey(HttpServletRequest request) {
    var header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? Optional.of(hash(header.substring(7).strip()))
        : Optional.empty();
  }

  private static String hash(String value) {
    try {
      var digest = MessageDigest.getInstance("SHA-256")
          .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
