package app.kinora.account.internal;

import app.kinora.account.Account;
import app.kinora.account.ApiKeyAuthentication.Scope;
import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * API keys for {@code /v1}. A key is shown once when created; only its SHA-256 is stored (keys
 * are 256 random bits, so a fast hash is enough) together with a short prefix to recognise it.
 */
@Repository
class ApiKeys {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int PREFIX_LENGTH = 10;

  /** An authenticated key: its owner (with what the security context needs of them) and what it may do. */
  record Holder(UserId owner, String displayName, Account.Role role, java.util.Set<Scope> scopes) {}

  private final JdbcClient jdbc;

  ApiKeys(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Creates a new random key and returns its secret, which is never retrievable again. */
  String create(UserId owner, String name) {
    return create(owner, name, java.util.EnumSet.allOf(Scope.class));
  }

  /** Creates a key with the given scopes (at least one). */
  String create(UserId owner, String name, java.util.Set<Scope> scopes) {
    if (scopes.isEmpty()) {
      throw new IllegalArgumentException("a key needs at least one scope");
    }
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    var secret = "kn_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    register(owner, name, secret, scopes);
    return secret;
  }

  /** Registers a given secret (the bootstrap key) unless it is already registered. */
  void register(UserId owner, String name, String secret) {
    register(owner, name, secret, java.util.EnumSet.allOf(Scope.class));
  }

  private void register(UserId owner, String name, String secret, java.util.Set<Scope> scopes) {
    jdbc.sql("""
            insert into api_keys (id, user_id, name, prefix, secret_hash, created_at, scopes)
            values (:id, :user, :name, :prefix, :hash, :now, :scopes)
            on conflict (secret_hash) do nothing""")
        .param("scopes", formatScopes(scopes))
        .param("id", UUID.randomUUID())
        .param("user", owner.value())
        .param("name", name)
        .param("prefix", prefixOf(secret))
        .param("hash", hash(secret))
        .param("now", Timestamp.from(Instant.now()))
        .update();
  }

  /** The start of a key by which its owner recognises it (stored and shown; not enough to use it). */
  static String prefixOf(String secret) {
    return secret.substring(0, Math.min(PREFIX_LENGTH, secret.length()));
  }

  /**
   * The owner of an active key, recording its use. The last-used time is kept to the minute: a
   * client streaming a video with hundreds of range requests costs one read each, not one write.
   */
  Optional<Holder> authenticate(String secret) {
    var key = jdbc.sql("""
            select k.id, k.user_id, k.scopes, u.display_name, u.role,
                   k.last_used_at < now() - interval '1 minute' or k.last_used_at is null as stale
              from api_keys k join users u on u.id = k.user_id
             where k.secret_hash = ? and k.revoked_at is null and u.suspended_at is null""")
        .param(hash(secret))
        .query((rs, n) -> new ActiveKey(
            rs.getObject("id", UUID.class),
            new Holder(
                new UserId(rs.getObject("user_id", UUID.class)),
                rs.getString("display_name"),
                Account.Role.valueOf(rs.getString("role")),
                parseScopes(rs.getString("scopes"))),
            rs.getBoolean("stale")))
        .optional();
    key.filter(ActiveKey::lastUseStale)
        .ifPresent(active -> jdbc.sql("update api_keys set last_used_at = now() where id = ?")
            .param(active.id())
            .update());
    return key.map(ActiveKey::holder);
  }

  private record ActiveKey(UUID id, Holder holder, boolean lastUseStale) {}

  List<ApiKeyView> list(UserId owner) {
    return jdbc.sql("""
            select id, name, prefix, created_at, last_used_at, scopes from api_keys
            where user_id = ? and revoked_at is null order by created_at desc""")
        .param(owner.value())
        .query((rs, n) -> new ApiKeyView(
            rs.getObject("id", UUID.class),
            rs.getString("name"),
            rs.getString("prefix"),
            rs.getTimestamp("created_at").toInstant(),
            Optional.ofNullable(rs.getTimestamp("last_used_at"))
                .map(Timestamp::toInstant)
                .orElse(null),
            parseScopes(rs.getString("scopes"))))
        .list();
  }

  boolean revoke(UserId owner, UUID keyId) {
    return jdbc.sql(
                "update api_keys set revoked_at = now() where id = ? and user_id = ? and revoked_at is null")
            .param(keyId)
            .param(owner.value())
            .update()
        == 1;
  }

  /** Revokes every key of the owner at once (account closure). */
  int revokeAll(UserId owner) {
    return jdbc.sql(
            "update api_keys set revoked_at = now() where user_id = ? and revoked_at is null")
        .param(owner.value())
        .update();
  }

  void deleteAll(UserId owner) {
    jdbc.sql("delete from api_keys where user_id = ?").param(owner.value()).update();
  }

  private static java.util.Set<Scope> parseScopes(String stored) {
    var scopes = java.util.EnumSet.noneOf(Scope.class);
    for (var part : stored.split(",")) {
      if (!part.isBlank()) {
        scopes.add(Scope.valueOf(part.strip().toUpperCase(java.util.Locale.ROOT)));
      }
    }
    return scopes;
  }

  private static String formatScopes(java.util.Set<Scope> scopes) {
    return String.join(
        ",",
        scopes.stream()
            .map(scope -> scope.name().toLowerCase(java.util.Locale.ROOT))
            .toList());
  }

  private static String hash(String secret) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A key as its owner sees it in the list: never the secret. */
  record ApiKeyView(
      UUID id,
      String name,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      java.util.Set<Scope> scopes) {

    public String scopesLabel() {
      return formatScopes(scopes).replace(",", ", ");
    }

    private static final java.time.format.DateTimeFormatter FORMAT =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    public String createdLabel() {
      return FORMAT.format(createdAt);
    }

    public String lastUsedLabel() {
      return lastUsedAt == null ? "never" : FORMAT.format(lastUsedAt);
    }
  }
}
