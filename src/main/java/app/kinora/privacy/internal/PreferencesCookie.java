package app.kinora.privacy.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The "Preferences" cookie: the studio's last model, duration, size, frame rate, sound and caption
 * choices, written by the browser (static/js/preferences.js) only while the visitor allows
 * preferences. The server never reads it; it deletes it when preferences are declined.
 */
public final class PreferencesCookie {

  public static final String NAME = "kinora_prefs";

  private PreferencesCookie() {}

  /** Tells the browser to drop the cookie now. */
  public static void forget(HttpServletResponse response, boolean secure) {
    var cookie = ResponseCookie.from(NAME, "")
        .path("/")
        .maxAge(0)
        .secure(secure)
        .sameSite("Lax")
        .build();
    response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
  }
}
