package app.kinora.account;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a screen: keeps cookies (including {@code Secure} ones over http://localhost,
 * as browsers do), follows redirects, and sends each form with the CSRF token of the page that
 * shows it.
 */
public final class WebSession {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern ALTCHA_WIDGET =
      Pattern.compile("<altcha-widget[^>]*challengeurl=\"([^\"]+)\"");
  private static final Pattern SET_COOKIE = Pattern.compile("^([^=]+)=([^;]*)");

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5))
      .followRedirects(HttpClient.Redirect.NEVER)
      .build();
  private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();
  private final String baseUrl;
  private String userAgent =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

  /**
   * The page without its CSRF tokens, which differ on every rendering (they are masked anew
   * each time), so that two answers can be compared for sameness.
   */
  public static String withoutCsrfTokens(String body) {
    return body.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
  }

  public WebSession(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public WebSession userAgent(String value) {
    this.userAgent = value;
    return this;
  }

  private final Map<String, String> headers = new LinkedHashMap<>();

  /** Sends this header with every request from now on (e.g. Referer). */
  public WebSession header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** The final page after redirects, and the URL it came from. */
  public record Page(int status, String url, String body) {

    public String csrf() {
      var matcher = CSRF.matcher(body);
      if (!matcher.find()) {
        throw new AssertionError("no CSRF token on " + url);
      }
      return matcher.group(1);
    }
  }

  public Page get(String pathOrUrl) {
    return follow(request(pathOrUrl).GET());
  }

  /**
   * Loads the page at {@code formPage} and posts the fields with its CSRF token to {@code action}.
   * When the page asks for a proof of work (ALTCHA's widget), it is solved as the widget would,
   * unless the fields already carry one.
   */
  public Page submit(String formPage, String action, Map<String, String> fields) {
    var page = get(formPage);
    var all = new LinkedHashMap<>(fields);
    var widget = ALTCHA_WIDGET.matcher(page.body());
    if (widget.find() && !all.containsKey("altcha")) {
      all.put("altcha", solveProofOfWork(widget.group(1)));
    }
    return post(action, all, page.csrf());
  }

  /** Fetches a challenge from the widget's address and solves it, as the browser's widget does. */
  public String solveProofOfWork(String challengePath) {
    var challenge = get(challengePath);
    if (challenge.status() != 200) {
      throw new AssertionError("no challenge at " + challengePath + ": " + challenge.status());
    }
    return ProofOfWorkSolver.solve(challenge.body());
  }

  public Page post(String path, Map<String, String> fields, String csrf) {
    var all = new LinkedHashMap<>(fields);
    all.put("_csrf", csrf);
    var body = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return follow(request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Posts one file (and the CSRF token) as {@code multipart/form-data}, as a browser's form does. */
  public Page postFile(String path, String field, String fileName, byte[] content, String csrf) {
    var boundary = "----kinora" + java.util.UUID.randomUUID();
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
            + csrf + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field
            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return follow(request(path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The value of a cookie this session holds for the server's host, or null. */
  public String cookie(String name) {
    return cookies.getOrDefault(URI.create(baseUrl).getAuthority(), Map.of()).get(name);
  }

  /** Moves this session's cookies to another server (another node of the same cluster). */
  public WebSession sameCookiesOn(String otherBaseUrl) {
    var other = new WebSession(otherBaseUrl);
    other.cookies.put(
        URI.create(otherBaseUrl).getAuthority(),
        new LinkedHashMap<>(cookies.getOrDefault(URI.create(baseUrl).getAuthority(), Map.of())));
    return other;
  }

  private HttpRequest.Builder request(String pathOrUrl) {
    var uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl);
    var builder = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", userAgent)
        .header("Accept-Language", "en-GB,en;q=0.8");
    headers.forEach(builder::header);
    var jar = cookies.getOrDefault(uri.getAuthority(), Map.of());
    if (!jar.isEmpty()) {
      builder.header(
          "Cookie",
          jar.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private Page follow(HttpRequest.Builder builder) {
    try {
      var request = builder.build();
      for (int hops = 0; hops < 15; hops++) {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        keepCookies(request.uri(), response);
        var location = response.headers().firstValue("Location");
        if (response.statusCode() / 100 != 3 || location.isEmpty()) {
          return new Page(response.statusCode(), request.uri().toString(), response.body());
        }
        request =
            request(request.uri().resolve(location.get()).toString()).GET().build();
      }
      throw new AssertionError("too many redirects");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void keepCookies(URI uri, HttpResponse<?> response) {
    var jar = cookies.computeIfAbsent(uri.getAuthority(), k -> new LinkedHashMap<>());
    for (var header : response.headers().allValues("Set-Cookie")) {
      var matcher = SET_COOKIE.matcher(header);
      if (matcher.find()) {
        if (header.toLowerCase().contains("max-age=0") || matcher.group(2).isEmpty()) {
          jar.remove(matcher.group(1).strip());
        } else {
          jar.put(matcher.group(1).strip(), matcher.group(2));
        }
      }
    }
  }
}
