package app.kinora.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: {@code v1,} and the base64 HMAC-SHA256, keyed with the secret's
 * bytes (the base64 after {@code whsec_}), of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 * While a rotated secret still counts, both sign, separated by a space, as the standard allows.
 */
final class WebhookSigner {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "whsec_";

  private WebhookSigner() {}

  static String newSecret() {
    var bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getEncoder().encodeToString(bytes);
  }

  static String signature(String id, long timestamp, String body, List<String> secrets) {
    var signatures = new ArrayList<String>();
    for (var secret : secrets) {
      signatures.add("v1," + sign(secret, id + "." + timestamp + "." + body));
    }
    return String.join(" ", signatures);
  }

  private static String sign(String secret, String content) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      var key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
