package app.kinora.provider.adapter;

import app.kinora.provider.spi.WebhookVerifier.InvalidSignature;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC helpers for webhook signatures, compared in constant time. */
final class Signatures {

  private Signatures() {}

  static byte[] hmacSha256(byte[] key, byte[] content) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(content);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean equalHex(byte[] actual, String expectedHex) {
    try {
      return MessageDigest.isEqual(actual, HexFormat.of().parseHex(expectedHex.strip()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static byte[] concat(byte[] first, byte[] second) {
    var joined = new byte[first.length + second.length];
    System.arraycopy(first, 0, joined, 0, first.length);
    System.arraycopy(second, 0, joined, first.length, second.length);
    return joined;
  }

  /** {@code t=123,v1=abc} as a map. */
  static Map<String, String> parse(String header) {
    if (header == null || header.isBlank()) {
      throw new InvalidSignature("no signature header");
    }
    var values = new HashMap<String, String>();
    for (var part : header.split(",")) {
      var pair = part.split("=", 2);
      if (pair.length == 2) {
        values.putIfAbsent(pair[0].strip(), pair[1].strip());
      }
    }
    return values;
  }
}
