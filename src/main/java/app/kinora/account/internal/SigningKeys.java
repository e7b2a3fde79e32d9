package app.kinora.account.internal;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Secret keys shared by every node through {@code account_signing_keys}: the first node that
 * needs one makes it, the others read the same row.
 */
@Component
class SigningKeys {

  private final JdbcClient jdbc;
  private final ConcurrentMap<String, byte[]> keys = new ConcurrentHashMap<>();

  SigningKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The 256-bit key of that name, made at its first use. */
  byte[] key(String name) {
    return keys.computeIfAbsent(name, this::load);
  }

  private byte[] load(String name) {
    var fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbc.sql(
            "insert into account_signing_keys (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
        .params(name, fresh, Timestamp.from(Instant.now()))
        .update();
    return jdbc.sql("select secret from account_signing_keys where name = ?")
        .param(name)
        .query(byte[].class)
        .single();
  }
}
