package app.kinora.media.internal;

import app.kinora.shared.UserId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived links to one variant of one subject: {@code /media/{subject}/{variant}?expires=…&signature=…},
 * the signature an HMAC-SHA256 over {@code owner|subject|variant|expires} in unpadded URL-safe
 * Base64. The message and its encoding are what links have always been signed with, so links made
 * before keep verifying.
 */
final class SignedLinks {

  private static final Pattern VARIANT = Pattern.compile("[a-z]+(-[a-z]+)*");

  private final Supplier<byte[]> secret;
  private final Duration lifetime;
  private final Clock clock;

  SignedLinks(Supplier<byte[]> secret, Duration lifetime, Clock clock) {
    this.secret = secret;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  String link(UserId owner, UUID subject, String variant) {
    if (!VARIANT.matcher(variant).matches()) {
      throw new IllegalArgumentException("not a variant: " + variant);
    }
    long expires = clock.instant().plus(lifetime).getEpochSecond();
    return "/media/%s/%s?expires=%d&signature=%s"
        .formatted(subject, variant, expires, sign(owner, subject, variant, expires));
  }

  boolean verify(UserId owner, UUID subject, String variant, long expires, String signature) {
    if (signature == null || clock.instant().getEpochSecond() > expires) {
      return false;
    }
    var expected = sign(owner, subject, variant, expires).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }

  private String sign(UserId owner, UUID subject, String variant, long expires) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.get(), "HmacSHA256"));
      var message = owner.value() + "|" + subject + "|" + variant + "|" + expires;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
