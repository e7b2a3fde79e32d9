package app.kinora.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param secureCookies send the session cookie only over HTTPS (browsers treat
 *     http://localhost as secure too); turn off only for plain-HTTP access over a trusted LAN
 * @param minPasswordLength shortest password accepted
 * @param defaultMinimumAge the minimum age to sign up in countries without an entry below
 * @param minimumAges minimum age per ISO 3166 country code, over the built-in EU table
 * @param publicUrl the address every link Kinora sends points to, e.g. {@code
 *     https://kinora.example}; unset: the address this node was started on ({@code
 *     http://localhost:<port>}). Never taken from a request, whose {@code Host} anyone can forge
 * @param verificationLinkValidity how long an email confirmation link works
 * @param resetLinkValidity how long a password reset link works
 * @param sessionAbsoluteTimeout a session ends this long after sign-in, however active (the idle
 *     timeout is {@code spring.session.timeout})
 * @param signInFailuresPerAccount failed sign-ins allowed per account in {@code signInWindow}
 * @param signInFailuresPerIp failed sign-ins allowed per IP address in {@code signInWindow}
 * @param signInWindow the period over which failed sign-ins are counted
 * @param requestContextIpRetention device and log data keep the full IP this long, then only
 *     its network (/24, /48)
 * @param requestContextRetention device and log data are deleted after this long
 * @param proofOfWork the sum the browser works out before a sign-up or a password reset is taken
 */
@Validated
@ConfigurationProperties("kinora.account")
public record AccountProperties(
    @DefaultValue("true") boolean secureCookies,
    @Min(8) @DefaultValue("10") int minPasswordLength,
    @Min(13) @Max(21) @DefaultValue("13") int defaultMinimumAge,
    Map<String, @Min(13) @Max(21) Integer> minimumAges,
    String publicUrl,
    @DefaultValue("24h") Duration verificationLinkValidity,
    @DefaultValue("1h") Duration resetLinkValidity,
    @DefaultValue("7d") Duration sessionAbsoluteTimeout,
    @Min(1) @DefaultValue("5") int signInFailuresPerAccount,
    @Min(1) @DefaultValue("20") int signInFailuresPerIp,
    @DefaultValue("15m") Duration signInWindow,
    @DefaultValue("30d") Duration requestContextIpRetention,
    @DefaultValue("365d") Duration requestContextRetention,
    @Valid @DefaultValue ProofOfWork proofOfWork) {

  /**
   * ALTCHA's proof of work: the browser tries numbers until one, with the challenge's salt, hashes
   * to the challenge — about {@code complexity / 2} SHA-256 hashes on average, a second or so on a
   * phone, and as much for every sign-up a script wants to make.
   *
   * @param enabled ask for the proof on sign-up and password reset
   * @param complexity the highest number the secret may be (the work grows with it)
   * @param validity how long a challenge may be solved and sent
   */
  public record ProofOfWork(
      @DefaultValue("true") boolean enabled,
      @Min(1000) @DefaultValue("100000") long complexity,
      @DefaultValue("20m") Duration validity) {}

  public AccountProperties {
    minimumAges = minimumAges == null ? Map.of() : Map.copyOf(minimumAges);
    publicUrl =
        publicUrl == null || publicUrl.isBlank() ? null : checkedPublicUrl(publicUrl.strip());
  }

  /** An absolute http(s) address without query or fragment, with no trailing slash. */
  private static String checkedPublicUrl(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      uri = null;
    }
    if (uri == null
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !("http".equalsIgnoreCase(uri.getScheme())
            || "https".equalsIgnoreCase(uri.getScheme()))) {
      throw new IllegalArgumentException(
          "kinora.account.public-url must be an absolute http(s) address such as https://kinora.example, not "
              + url);
    }
    return url.replaceAll("/+$", "");
  }
}
