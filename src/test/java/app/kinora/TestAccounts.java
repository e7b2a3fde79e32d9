package app.kinora;

import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts and API keys written straight into the account tables, for tests outside that module. */
public final class TestAccounts {

  private TestAccounts() {}

  public static UserId newUser(JdbcClient jdbc, String role) {
    return newUser(jdbc, role, null, null);
  }

  /** A user with a verified email who can sign in with this email and password hash (null: API keys only). */
  public static UserId newUser(JdbcClient jdbc, String role, String email, String passwordHash) {
    var user = UserId.random();
    var address = email != null ? email : "user-" + user + "@kinora.test";
    jdbc.sql("""
            insert into users (id, email, email_normalized, display_name, password_hash, role, created_at, email_verified_at)
            values (?, ?, ?, 'Test User', ?, ?, now(), now())""")
        .params(
            user.value(), address, address.toLowerCase(java.util.Locale.ROOT), passwordHash, role)
        .update();
    return user;
  }

  /** Registers a fresh API key for the user and returns its secret. */
  public static String apiKey(JdbcClient jdbc, UserId user) {
    var secret = "kn_test_" + UUID.randomUUID().toString().replace("-", "");
    jdbc.sql("""
            insert into api_keys (id, user_id, name, prefix, secret_hash, created_at)
            values (?, ?, 'test', ?, ?, now())""")
        .params(UUID.randomUUID(), user.value(), secret.substring(0, 10), sha256(secret))
        .update();
    return secret;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
