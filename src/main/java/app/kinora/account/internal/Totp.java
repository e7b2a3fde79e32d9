package app.kinora.account.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/** Time-based one-time passwords (RFC 6238: SHA-1, 6 digits, 30 s), as authenticator apps use. */
@Component
class Totp {

  private static final Base32 BASE32 = new Base32();

  private final TimeBasedOneTimePasswordGenerator generator =
      new TimeBasedOneTimePasswordGenerator();
  private final Clock clock = Clock.systemUTC();

  /** A new 160-bit secret, Base32 as apps expect it. */
  String newSecret() {
    var bytes = new byte[20];
    new SecureRandom().nextBytes(bytes);
    return BASE32.encodeToString(bytes).replace("=", "");
  }

  String otpauthUri(String secret, String accountName) {
    var label =
        URLEncoder.encode("Kinora:" + accountName, StandardCharsets.UTF_8).replace("+", "%20");
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=Kinora&digits=6&period=30";
  }

  /** Whether the code is right now, or one step before or after (clock drift). */
  boolean verify(String secret, String code) {
    return matchingStep(secret, code).isPresent();
  }

  /**
   * The time step (30 s period number) whose code this is, if it is the current one or one step
   * before or after (clock drift); callers refuse a step already used, so a code works once.
   */
  java.util.OptionalLong matchingStep(String secret, String code) {
    var digits = code == null ? "" : code.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return java.util.OptionalLong.empty();
    }
    var period = generator.getTimeStep();
    var now = clock.instant();
    for (int offset = -1; offset <= 1; offset++) {
      var at = now.plus(period.multipliedBy(offset));
      if (code(secret, at).equals(digits)) {
        return java.util.OptionalLong.of(at.getEpochSecond() / period.toSeconds());
      }
    }
    return java.util.OptionalLong.empty();
  }

  String code(String secret, Instant at) {
    try {
      var key = new SecretKeySpec(BASE32.decode(secret), generator.getAlgorithm());
      return String.format("%06d", generator.generateOneTimePassword(key, at));
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
