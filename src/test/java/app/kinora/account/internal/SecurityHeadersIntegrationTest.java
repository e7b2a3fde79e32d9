package app.kinora.account.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.WebSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web app's headers and session cookie, as a browser receives them. */
class SecurityHeadersIntegrationTest extends IntegrationTest {

  private final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSessionCookieIsHostBoundSecureHttpOnlyAndLax() throws Exception {
    var login = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/login")));

    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie)
            .startsWith("__Host-kinora=")
            .contains("Path=/", "Secure", "HttpOnly", "SameSite=Lax")
            .doesNotContain("Domain="));
  }

  @Test
  void aPageWithPersonalDataIsNotCachedNorFramedAndRunsOnlyKinorasOwnScripts() throws Exception {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));

    var page = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/account"))
        .header("Cookie", "__Host-kinora=" + session.cookie("__Host-kinora")));

    assertThat(page.statusCode()).isEqualTo(200);
    var headers = page.headers();
    assertThat(headers.firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp)
            .contains(
                "default-src 'self'",
                "script-src 'self';",
                "object-src 'none'",
                "frame-ancestors 'none'")
            .doesNotContain("unsafe-inline", "unsafe-eval"));
    assertThat(headers.firstValue("Cache-Control"))
        .hasValueSatisfying(value -> assertThat(value).contains("no-store"));
    assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(headers.firstValue("Referrer-Policy")).hasValue("same-origin");
  }

  @Test
  void signingOutOverHttpsClearsTheBrowsersCookiesAndCache() throws Exception {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD));
    var csrf = session.get("/account").csrf();

    // as behind a TLS-terminating proxy on this machine (server.forward-headers-strategy: native)
    var signedOut = send(HttpRequest.newBuilder(URI.create(baseUrl() + "/logout"))
        .header("Cookie", "__Host-kinora=" + session.cookie("__Host-kinora"))
        .header("X-Forwarded-Proto", "https")
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(
            "_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8))));

    assertThat(signedOut.statusCode()).isEqualTo(302);
    assertThat(signedOut.headers().firstValue("Clear-Site-Data"))
        .hasValueSatisfying(value -> assertThat(value).contains("\"cache\"", "\"cookies\""));
    assertThat(session.get("/account").url()).contains("/login");
  }
}
