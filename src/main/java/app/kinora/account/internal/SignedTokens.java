package app.kinora.account.internal;

import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Signed, expiring tokens for the links sent by email. Nothing is stored per token: a token
 * carries its purpose, user, expiry and a fingerprint of the state it was issued for (the
 * email, or the password hash), so it stops working once that state changes (a reset link
 * works once). The HMAC key is shared by all nodes through the database.
 */
@Component
class SignedTokens {

  enum Purpose {
    VERIFY_EMAIL,
    RESET_PASSWORD,
    CHANGE_EMAIL
  }

  /** What a valid token says. {@code value} is the purpose's payload, e.g. the new email. */
  record Claims(UserId user, String fingerprint, String value) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final SigningKeys keys;
  private final Clock clock;

  SignedTokens(SigningKeys keys) {
    this.keys = keys;
    this.clock = Clock.systemUTC();
  }

  String issue(Purpose purpose, UserId user, String state, String value, Duration validity) {
    var expires = clock.instant().plus(validity).getEpochSecond();
    var payload = String.join(
        "\n", purpose.name(), user.toString(), Long.toString(expires), fingerprint(state), value);
    var bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(mac(bytes));
  }

  /** The claims of a token of that purpose, if its signature holds and it has not expired. */
  Optional<Claims> read(Purpose purpose, String token) {
    try {
      var dot = token == null ? -1 : token.indexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      var bytes = DECODER.decode(token.substring(0, dot));
      if (!MessageDigest.isEqual(mac(bytes), DECODER.decode(token.substring(dot + 1)))) {
        return Optional.empty();
      }
      var parts = new String(bytes, StandardCharsets.UTF_8).split("\n", 5);
      if (parts.length != 5
          || !parts[0].equals(purpose.name())
          || Instant.ofEpochSecond(Long.parseLong(parts[2])).isBefore(clock.instant())) {
        return Optional.empty();
      }
      return Optional.of(new Claims(new UserId(UUID.fromString(parts[1])), parts[3], parts[4]));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether the claims were issued for this state. */
  boolean issuedFor(Claims claims, String state) {
    return MessageDigest.isEqual(
        claims.fingerprint().getBytes(StandardCharsets.US_ASCII),
        fingerprint(state).getBytes(StandardCharsets.US_ASCII));
  }

  private String fingerprint(String state) {
    var digest = mac(("state\n" + (state == null ? "" : state)).getBytes(StandardCharsets.UTF_8));
    return ENCODER.encodeToString(java.util.Arrays.copyOf(digest, 12));
  }

  private byte[] mac(byte[] data) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] key() {
    return keys.key("links");
  }
}
