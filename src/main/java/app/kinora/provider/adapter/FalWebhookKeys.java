package app.kinora.provider.adapter;

import app.kinora.provider.spi.WebhookVerifier.InvalidSignature;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * fal.ai's webhook signatures: Ed25519 over {@code request id \n user id \n timestamp \n
 * hex SHA-256 of the raw body}, with public keys from fal's JWKS (cached for an hour).
 */
final class FalWebhookKeys {

  private static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final Duration KEYS_TTL = Duration.ofHours(1);
  /** The DER prefix that turns a raw 32-byte Ed25519 key into an X.509 SubjectPublicKeyInfo. */
  private static final byte[] ED25519_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private final RestClient http;
  private final URI keysUrl;
  private final Clock clock;
  private volatile List<PublicKey> keys = List.of();
  private volatile Instant fetchedAt = Instant.EPOCH;

  FalWebhookKeys(RestClient http, URI keysUrl, Clock clock) {
    this.http = http;
    this.keysUrl = keysUrl;
    this.clock = clock;
  }

  /** Returns the verified request id. */
  String verify(HttpHeaders headers, byte[] body) {
    var requestId = required(headers, "X-Fal-Webhook-Request-Id");
    var userId = required(headers, "X-Fal-Webhook-User-Id");
    var timestamp = required(headers, "X-Fal-Webhook-Timestamp");
    var signature = HexFormat.of().parseHex(required(headers, "X-Fal-Webhook-Signature"));
    if (Duration.between(Instant.ofEpochSecond(Long.parseLong(timestamp)), clock.instant())
            .abs()
            .compareTo(TOLERANCE)
        > 0) {
      throw new InvalidSignature("signature too old");
    }
    var message = String.join("\n", requestId, userId, timestamp, sha256Hex(body))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (var key : keys()) {
      if (verifies(key, message, signature)) {
        return requestId;
      }
    }
    throw new InvalidSignature("no fal key verifies the signature");
  }

  private List<PublicKey> keys() {
    if (fetchedAt.plus(KEYS_TTL).isBefore(clock.instant())) {
      var jwks = JsonMapper.builder()
          .build()
          .readTree(http.get().uri(keysUrl).retrieve().body(String.class));
      var fresh = new ArrayList<PublicKey>();
      for (var jwk : jwks.path("keys")) {
        if ("OKP".equals(jwk.path("kty").asString(""))
            && "Ed25519".equals(jwk.path("crv").asString(""))) {
          fresh.add(publicKey(Base64.getUrlDecoder().decode(jwk.path("x").asString())));
        }
      }
      keys = List.copyOf(fresh);
      fetchedAt = clock.instant();
    }
    return keys;
  }

  private static PublicKey publicKey(byte[] raw) {
    try {
      var der = new byte[ED25519_PREFIX.length + raw.length];
      System.arraycopy(ED25519_PREFIX, 0, der, 0, ED25519_PREFIX.length);
      System.arraycopy(raw, 0, der, ED25519_PREFIX.length, raw.length);
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("unusable fal webhook key", e);
    }
  }

  private static boolean verifies(PublicKey key, byte[] message, byte[] signature) {
    try {
      var verifier = Signature.getInstance("Ed25519");
      verifier.initVerify(key);
      verifier.update(message);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String sha256Hex(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String required(HttpHeaders headers, String name) {
    var value = headers.getFirst(name);
    if (value == null || value.isBlank()) {
      throw new InvalidSignature(name + " missing");
    }
    return value.strip();
  }
}
