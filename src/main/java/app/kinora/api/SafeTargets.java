package app.kinora.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The guard against server-side request forgery for addresses users give Kinora to call (webhook
 * endpoints): HTTPS only, and every address the host resolves to must be public — not loopback,
 * private, link-local (cloud metadata), carrier-grade NAT, unique-local, multicast or unspecified.
 * The operator may allow a list of hosts (say, a receiver on its own network), which may then also
 * use plain HTTP. Checked when an endpoint is registered and again before each delivery, after
 * resolution, so a name that later points inside is refused too.
 */
@Component
class SafeTargets {

  /** Why an address is refused, in words for the user. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private final Set<String> allowed;

  SafeTargets(ApiProperties properties) {
    this.allowed = properties.webhooks().allowedHosts().stream()
        .map(host -> host.toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }

  URI check(String url) {
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new Refused("The URL is not valid.");
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    var host = uri.getHost();
    if (host == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
      throw new Refused("The URL needs a host, and no user name or fragment.");
    }
    var name = host.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
    if (allowed.contains(name)) {
      if (!scheme.equals("https") && !scheme.equals("http")) {
        throw new Refused("The URL must start with https:// or http://.");
      }
      return uri;
    }
    if (!scheme.equals("https")) {
      throw new Refused("The URL must start with https://.");
    }
    InetAddress[] addresses;
    try {
      addresses = InetAddress.getAllByName(name);
    } catch (UnknownHostException e) {
      throw new Refused("The host " + name + " could not be found.");
    }
    for (var address : addresses) {
      if (!isPublic(address)) {
        throw new Refused(
            "The host " + name + " points to a private, loopback or link-local address.");
      }
    }
    return uri;
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    var bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first != 0 // this network
          && !(first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          && !(first == 192 && second == 0 && (bytes[2] & 0xff) == 0) // IETF protocol assignments
          && !(first == 198 && (second == 18 || second == 19)) // benchmarking
          && first < 240; // reserved and broadcast
    }
    if (address instanceof Inet6Address) {
      if ((bytes[0] & 0xfe) == 0xfc) { // unique local fc00::/7
        return false;
      }
      boolean mapped = true; // ::ffff:a.b.c.d — judged as the IPv4 address inside
      for (int i = 0; i < 10; i++) {
        mapped &= bytes[i] == 0;
      }
      if (mapped && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff) {
        try {
          return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }
}
