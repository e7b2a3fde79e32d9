package app.kinora.hostile;

import app.kinora.account.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends probes as one of four callers: anonymous (with a session, for its CSRF token), a signed-in
 * user, a signed-in operator (real sessions, signed in through the login form) and the user's API
 * key. A session that a probe ended (signing out everywhere, say) is signed in again.
 */
final class Caller {

  enum Identity {
    ANONYMOUS,
    USER,
    OPERATOR,
    API_KEY
  }

  /** A response, its body read unless it is an event stream (which never ends). */
  record Answer(int status, String contentType, String location, byte[] body) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** An address from the documentation range, so that the sign-in limits of other tests' 127.0.0.1 stay untouched. */
  private static final String CLIENT_ADDRESS = "198.51.100.19";

  private record Session(String cookie, String csrf) {}

  private final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final String baseUrl;
  private final Map<Identity, String[]> credentials = new EnumMap<>(Identity.class);
  private final Map<Identity, Session> sessions = new EnumMap<>(Identity.class);
  private final String apiKey;

  Caller(String baseUrl, String[] user, String[] operator, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    credentials.put(Identity.USER, user);
    credentials.put(Identity.OPERATOR, operator);
    for (var identity : new Identity[] {Identity.ANONYMOUS, Identity.USER, Identity.OPERATOR}) {
      signIn(identity);
    }
  }

  Answer send(Identity identity, Probe probe) {
    var answer = exchange(identity, probe);
    if (sessions.containsKey(identity)
        && identity != Identity.ANONYMOUS
        && answer.status() == 302
        && answer.location() != null
        && answer.location().contains("/login")) {
      signIn(
          identity); // the probe ended the session, or was refused without one: either way, carry
      // on signed in
    }
    return answer;
  }

  private Answer exchange(Identity identity, Probe probe) {
    var request = HttpRequest.newBuilder(URI.create(baseUrl + probe.target()))
        .timeout(Duration.ofSeconds(60))
        .header("X-Forwarded-For", CLIENT_ADDRESS);
    probe.headers().forEach(request::header);
    var session = sessions.get(identity);
    if (identity == Identity.API_KEY) {
      request.header("Authorization", "Bearer " + apiKey);
    } else if (session != null) {
      request.header("Cookie", session.cookie());
      if (probe.formBody() && probe.label().hashCode() % 3 == 0) {
        probe = withCsrfField(probe, session.csrf()); // as a browser's form sends it
      } else {
        request.header("X-CSRF-TOKEN", session.csrf());
      }
    }
    var body = probe.body() == null
        ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofByteArray(probe.body());
    request.method(probe.method(), body);
    try {
      var response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      var type = response.headers().firstValue("Content-Type").orElse("");
      byte[] bytes;
      try (var in = response.body()) {
        bytes = type.startsWith("text/event-stream") ? new byte[0] : in.readAllBytes();
      }
      return new Answer(
          response.statusCode(),
          type,
          response.headers().firstValue("Location").orElse(null),
          bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("no answer to " + probe, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The CSRF token as the form's first field (url-encoded) or first part (multipart). */
  private static Probe withCsrfField(Probe probe, String csrf) {
    byte[] field;
    if (probe.contentType().startsWith("multipart/form-data")) {
      field = new Multipart().text("_csrf", csrf).bytes();
      field = java.util.Arrays.copyOf(
          field, field.length - (Multipart.BOUNDARY.length() + 6)); // without its closing line
    } else {
      field = ("_csrf=" + csrf + "&").getBytes(StandardCharsets.US_ASCII);
    }
    var body = new byte[field.length + probe.body().length];
    System.arraycopy(field, 0, body, 0, field.length);
    System.arraycopy(probe.body(), 0, body, field.length, probe.body().length);
    return new Probe(
        probe.label() + ", token in the form",
        probe.method(),
        probe.target(),
        probe.headers(),
        body);
  }

  private void signIn(Identity identity) {
    var browser = new WebSession(baseUrl);
    var login = browser.get("/login");
    var account = credentials.get(identity);
    String csrf = login.csrf();
    if (account != null) {
      browser.post("/login", Map.of("username", account[0], "password", account[1]), csrf);
      csrf = browser.get("/account").csrf();
    }
    var name = browser.cookie("__Host-kinora") != null ? "__Host-kinora" : "kinora";
    if (browser.cookie(name) == null) {
      throw new IllegalStateException("no session cookie for " + identity);
    }
    sessions.put(identity, new Session(name + "=" + browser.cookie(name), csrf));
  }
}
