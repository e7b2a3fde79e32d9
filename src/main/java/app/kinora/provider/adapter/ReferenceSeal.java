package app.kinora.provider.adapter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Kinora's per-attempt reference with a MAC made from the platform's own secret, for platforms
 * whose callbacks carry no signature but echo something Kinora sent (Luma echoes the callback
 * address, Kling the external task id): a callback naming a sealed reference was made by someone
 * holding the secret, i.e. the platform. Replays stay harmless, as a callback only wakes a poll.
 */
final class ReferenceSeal {

  private static final int MAC_HEX = 16;

  private final byte[] key;

  ReferenceSeal(String secret) {
    this.key = secret.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code reference.mac}, the same every time for the same reference. */
  String seal(String reference) {
    return reference + "." + mac(reference);
  }

  /** The reference inside a sealed value, if its MAC holds. */
  Optional<String> open(String sealed) {
    if (sealed == null) {
      return Optional.empty();
    }
    int dot = sealed.lastIndexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    var reference = sealed.substring(0, dot);
    var given = sealed.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
    var expected = mac(reference).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(given, expected) ? Optional.of(reference) : Optional.empty();
  }

  private String mac(String reference) {
    var digest = Signatures.hmacSha256(key, reference.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest).substring(0, MAC_HEX);
  }
}
