package app.kinora.account.internal;

import static app.kinora.account.internal.SignUpIntegrationTest.form;
import static app.kinora.account.internal.SignUpIntegrationTest.yearsAgo;
import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.account.Mailbox;
import app.kinora.account.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Password-reset poisoning: a request whose {@code Host} and {@code X-Forwarded-Host} name the
 * attacker's server (the test client is on 127.0.0.1, a proxy Tomcat trusts by default) must not
 * have the victim mailed a link to that server. Without {@code kinora.account.public-url} (as
 * here) links point at the address Kinora was started on.
 */
@ExtendWith(OutputCaptureExtension.class)
class ForgedHostIntegrationTest extends IntegrationTest {

  private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+");
  private static final String EVIL = "evil.example";

  @Test
  void linksMailedForRequestsThroughAForgedHostPointAtTheRealAddress(CapturedOutput output) {
    new WebSession(baseUrl())
        .submit(
            "/signup",
            "/signup",
            form(
                "poisoned.reset@kinora.test",
                "",
                "a long poisoned passphrase",
                yearsAgo(30, 0),
                "DE"));
    Mailbox.awaitMessage("poisoned.reset@kinora.test", 1);

    // a reset link asked for the victim
    var answer =
        postWithForgedHost("/password-reset", Map.of("email", "poisoned.reset@kinora.test"));
    assertThat(answer)
        .as("the same answer as any reset request")
        .startsWith("HTTP/1.1 302")
        .containsPattern("(?m)^Location: (http://evil\\.example)?/password-reset\\?sent\\s*$");
    var reset = Mailbox.awaitMessage("poisoned.reset@kinora.test", 2);
    assertThat(reset).contains("/password-reset/").doesNotContain(EVIL);
    assertThat(origins(reset)).containsOnly(baseUrl());

    // a sign-up with the victim's address, which mails sign-in and reset links
    postWithForgedHost(
        "/signup",
        form("poisoned.reset@kinora.test", "", "another long passphrase", yearsAgo(30, 0), "DE"));
    var exists = Mailbox.awaitMessage("poisoned.reset@kinora.test", 3);
    assertThat(exists).contains("/login").doesNotContain(EVIL);
    assertThat(origins(exists)).containsOnly(baseUrl());

    assertThat(output.getAll())
        .as("the operator is told which setting to use")
        .contains("came to the host 'evil.example'", "kinora.account.public-url");
  }

  private static java.util.List<String> origins(String mail) {
    return LINK.matcher(mail)
        .results()
        .map(java.util.regex.MatchResult::group)
        .distinct()
        .toList();
  }

  /**
   * Posts the form as a forger would: with the session and CSRF token of a page loaded first, and
   * {@code Host} and {@code X-Forwarded-Host} naming another server (headers Java's HTTP client
   * refuses to set, hence a socket).
   */
  private String postWithForgedHost(String path, Map<String, String> fields) {
    var session = new WebSession(baseUrl());
    var all = new LinkedHashMap<>(fields);
    all.put("_csrf", session.get(path).csrf());
    all.put("altcha", session.solveProofOfWork("/proof-of-work"));
    var body = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = "POST " + path + " HTTP/1.1\r\n"
        + "Host: " + EVIL + "\r\n"
        + "X-Forwarded-Host: " + EVIL + "\r\n"
        + "Cookie: __Host-kinora=" + session.cookie("__Host-kinora") + "\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
        + "Connection: close\r\n\r\n" + body;
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
