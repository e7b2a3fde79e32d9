package app.kinora.provider.adapter;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Kling's API token: a JWT signed HS256 with the secret key, {@code iss} the access key, valid
 * for 30 minutes from 5 seconds ago (Kling's documented recipe). A fresh token is made once the
 * current one has less than 5 minutes left.
 */
final class KlingTokens {

  static final Duration LIFETIME = Duration.ofMinutes(30);
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);
  private static final Duration NOT_BEFORE = Duration.ofSeconds(5);

  private final String accessKey;
  private final MACSigner signer;
  private final Clock clock;
  private String token;
  private Instant expires = Instant.MIN;

  KlingTokens(String accessKey, String secretKey, Clock clock) {
    if (accessKey == null || accessKey.isBlank() || secretKey == null || secretKey.isBlank()) {
      throw new IllegalStateException(
          "Kling needs kinora.provider.kling.api-key (the access key) and .secret-key");
    }
    this.accessKey = accessKey;
    this.clock = clock;
    try {
      this.signer = new MACSigner(secretKey.getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalStateException(
          "kinora.provider.kling.secret-key is shorter than the 32 bytes HS256 needs", e);
    }
  }

  synchronized String current() {
    var now = clock.instant();
    if (token == null || now.plus(RENEW_BEFORE).isAfter(expires)) {
      expires = now.plus(LIFETIME);
      token = sign(now, expires);
    }
    return token;
  }

  private String sign(Instant now, Instant until) {
    var header =
        new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
    var claims = new JWTClaimsSet.Builder()
        .issuer(accessKey)
        .expirationTime(Date.from(until))
        .notBeforeTime(Date.from(now.minus(NOT_BEFORE)))
        .build();
    var jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("signing the Kling token failed", e);
    }
    return jwt.serialize();
  }
}
