package app.kinora.library.internal;

import app.kinora.media.MediaProperties;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Short-lived links to one file of one item: {@code /media/{id}/{variant}?expires=…&signature=…},
 * an HMAC-SHA256 over the owner, the item, the variant and the expiry time, with a secret that
 * every node shares through the database. Such a link works without the session cookie (a
 * {@code <video>} tag, a download manager) and stops working after {@code kinora.media.signed-url-lifetime}.
 */
@Component
class SignedLinks {

  private static final String SECRET_NAME = "media-links";

  private final JdbcClient jdbc;
  private final Duration lifetime;
  private final Clock clock;
  private volatile byte[] secret;

  @org.springframework.beans.factory.annotation.Autowired
  SignedLinks(JdbcClient jdbc, MediaProperties properties) {
    this(jdbc, properties.signedUrlLifetime(), Clock.systemUTC());
  }

  SignedLinks(JdbcClient jdbc, Duration lifetime, Clock clock) {
    this.jdbc = jdbc;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A link to {@code variant} of the owner's item that works for the configured lifetime. */
  String link(UUID owner, UUID item, String variant) {
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    return "/media/%s/%s?expires=%d&signature=%s".formatted(item, variant, expires, sign(owner, item, variant, expires));
  }

  /** Whether the signature is the owner's for this item and variant and has not expired. */
  boolean verify(UUID owner, UUID item, String variant, long expires, String signature) {
    if (signature == null || clock.instant().getEpochSecond() > expires) {
      return false;
    }
    var expected = sign(owner, item, variant, expires).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(UUID owner, UUID item, String variant, long expires) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
      var message = owner + "|" + item + "|" + variant + "|" + expires;
      return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] secret() {
    var known = secret;
    if (known == null) {
      var fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      jdbc.sql("insert into library_secrets (name, value) values (?, ?) on conflict (name) do nothing")
          .param(SECRET_NAME).param(fresh).update();
      known = jdbc.sql("select value from library_secrets where name = ?").param(SECRET_NAME).query(byte[].class).single();
      secret = known;
    }
    return known;
  }
}
