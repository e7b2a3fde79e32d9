package app.kinora.privacy.internal;

import app.kinora.privacy.Consent;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The choice kept in the visitor's browser, as {@code v<version>-p<0|1>-a<0|1>}: a necessary
 * cookie, readable by the server only, which holds nothing but the choice.
 */
public final class ConsentCookie {

  public static final String NAME = "kinora_consent";
  private static final Duration LIFETIME = Duration.ofDays(180);
  private static final Pattern VALUE = Pattern.compile("v(\\d{1,6})-p([01])-a([01])");

  private ConsentCookie() {}

  /** The choice in the request's cookie, if it was made under the current version. */
  public static Optional<Consent> read(HttpServletRequest request, int version, boolean gpc) {
    var cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> NAME.equals(cookie.getName()))
        .map(cookie -> VALUE.matcher(cookie.getValue()))
        .filter(matcher -> matcher.matches() && Integer.parseInt(matcher.group(1)) == version)
        .map(matcher -> new Consent(
            version, "1".equals(matcher.group(2)), "1".equals(matcher.group(3)), gpc, true))
        .findFirst();
  }

  public static void write(HttpServletResponse response, Consent consent, boolean secure) {
    var value = "v%d-p%d-a%d"
        .formatted(consent.version(), consent.preferences() ? 1 : 0, consent.analytics() ? 1 : 0);
    var cookie = ResponseCookie.from(NAME, value)
        .path("/")
        .maxAge(LIFETIME)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
