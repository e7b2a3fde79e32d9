package app.kinora.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The consent banner's choices, their cookie, Global Privacy Control and consented analytics (P8). */
class ConsentIntegrationTest extends IntegrationTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired
  JdbcClient jdbc;

  private final HttpClient http = HttpClient.newHttpClient();
  /** The visitor's cookies, Secure ones included: browsers treat http://localhost as secure, Java does not. */
  private final Map<String, String> cookies = new java.util.LinkedHashMap<>();

  @BeforeEach
  void newVisitor() {
    cookies.clear();
  }

  @Test
  void aNewVisitorIsAskedAndNothingIsCountedBeforeTheyAnswer() throws Exception {
    long before = analyticsEvents();

    var landing = get("/", Map.of());
    get("/privacy", Map.of());

    assertThat(landing.body()).contains("Cookies on this site", "Reject all", "Accept all");
    assertThat(analyticsEvents()).isEqualTo(before);
  }

  @Test
  void acceptingSetsTheNecessaryCookieHidesTheBannerAndCountsPageViewsWithoutIds()
      throws Exception {
    var reply = choose("accept", Map.of("return", "/privacy"));

    assertThat(reply.statusCode()).isEqualTo(302);
    assertThat(reply.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/privacy"));
    assertThat(reply.headers().allValues("Set-Cookie"))
        .anySatisfy(cookie -> assertThat(cookie)
            .startsWith("kinora_consent=v1-p1-a1")
            .contains("HttpOnly", "SameSite=Lax", "Max-Age=15552000"));
    long before = analyticsEvents();

    var page = get("/terms", Map.of());

    assertThat(page.body()).doesNotContain("Cookies on this site");
    assertThat(analyticsEvents()).isEqualTo(before + 1);
    assertThat(jdbc.sql("select kind || ' ' || path from analytics_events order by id desc limit 1")
            .query(String.class)
            .single())
        .isEqualTo("page_view /terms");
  }

  @Test
  void rejectingIsOneClickAndCountsNothing() throws Exception {
    var reply = choose("reject", Map.of("return", "/terms"));
    long before = analyticsEvents();

    var page = get("/terms", Map.of());

    assertThat(reply.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("kinora_consent=v1-p0-a0"));
    assertThat(page.body()).doesNotContain("Cookies on this site");
    assertThat(analyticsEvents()).isEqualTo(before);
  }

  @Test
  void globalPrivacyControlTurnsAnalyticsOffWithoutAsking() throws Exception {
    var gpc = Map.of("Sec-GPC", "1");
    var banner = get("/", gpc).body();
    assertThat(banner).contains("Global Privacy Control");

    var reply = choose("accept", Map.of("return", "/"), gpc);
    long before = analyticsEvents();
    get("/terms", gpc);

    assertThat(reply.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("kinora_consent=v1-p1-a0"));
    assertThat(analyticsEvents()).isEqualTo(before);
  }

  @Test
  void theSettingsPageChangesTheChoiceLater() throws Exception {
    choose("accept", Map.of("return", "/"));
    var reply = choose("save", Map.of("preferences", "true"));
    long before = analyticsEvents();
    get("/terms", Map.of());

    assertThat(reply.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/privacy/cookies?saved"));
    assertThat(reply.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("kinora_consent=v1-p1-a0"));
    assertThat(analyticsEvents()).isEqualTo(before);
  }

  @Test
  void aSignedInUsersChoiceIsRecordedWithVersionAndTime() throws Exception {
    signIn();
    var userId = jdbc.sql("select id from users where email = ?")
        .param(ADMIN_EMAIL)
        .query(java.util.UUID.class)
        .single();
    long before = jdbc.sql("select count(*) from consent_records where user_id = ?")
        .param(userId)
        .query(Long.class)
        .single();

    choose("reject", Map.of("return", "/"));

    var latest = jdbc.sql(
            "select version, preferences, analytics, recorded_at is not null from consent_records where user_id = ? order by id desc limit 1")
        .param(userId)
        .query((rs, n) ->
            rs.getInt(1) + " " + rs.getBoolean(2) + " " + rs.getBoolean(3) + " " + rs.getBoolean(4))
        .single();
    assertThat(jdbc.sql("select count(*) from consent_records where user_id = ?")
            .param(userId)
            .query(Long.class)
            .single())
        .isEqualTo(before + 1);
    assertThat(latest).isEqualTo("1 false false true");
  }

  @Test
  void preferencesAreRememberedOnlyWithConsentAndForgottenWhenDeclined() throws Exception {
    var accepted = choose("accept", Map.of("return", "/"));
    assertThat(accepted.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("kinora_prefs="));
    assertThat(get("/", Map.of()).body())
        .as("the page tells the browser it may remember")
        .contains("<meta name=\"kinora-preferences\" content=\"allowed\">");

    var declined = choose("save", Map.of("analytics", "true"));
    assertThat(declined.headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("kinora_prefs=;").contains("Max-Age=0"));
    assertThat(get("/", Map.of()).body())
        .contains("<meta name=\"kinora-preferences\" content=\"declined\">");
    assertThat(choose("reject", Map.of()).headers().allValues("Set-Cookie"))
        .anySatisfy(c -> assertThat(c).startsWith("kinora_prefs=;").contains("Max-Age=0"));
  }

  @Test
  void undecidedVisitorsMayNotBeRememberedAndTheSettingsPageListsEveryCookieWithoutTheBanner()
      throws Exception {
    assertThat(get("/", Map.of()).body())
        .contains("<meta name=\"kinora-preferences\" content=\"declined\">");

    var settings = get("/privacy/cookies", Map.of()).body();

    assertThat(settings)
        .doesNotContain("Cookies on this site")
        .contains("kinora_consent", "kinora_prefs", "__Host-kinora")
        .contains("the studio remembers your last model");
  }

  @Test
  void theReturnAddressCannotLeaveTheSite() throws Exception {
    for (var target : new String[] {"//evil.test/", "https://evil.test/", "/\\evil.test"}) {
      var reply = choose("reject", Map.of("return", target));
      assertThat(reply.headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/privacy/cookies?saved"));
    }
  }

  @Test
  void anUnknownChoiceChangesNothing() throws Exception {
    var reply = choose("sell-my-data", Map.of());

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.headers().allValues("Set-Cookie"))
        .noneMatch(c -> c.startsWith("kinora_consent"));
  }

  private long analyticsEvents() {
    return jdbc.sql("select count(*) from analytics_events").query(Long.class).single();
  }

  private HttpResponse<String> choose(String choice, Map<String, String> fields) throws Exception {
    return choose(choice, fields, Map.of());
  }

  private HttpResponse<String> choose(
      String choice, Map<String, String> fields, Map<String, String> headers) throws Exception {
    var form = new java.util.LinkedHashMap<>(fields);
    form.put("choice", choice);
    return post("/privacy/cookies", form, headers);
  }

  private void signIn() throws Exception {
    var reply =
        post("/login", Map.of("username", ADMIN_EMAIL, "password", ADMIN_PASSWORD), Map.of());
    assertThat(reply.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
  }

  private HttpResponse<String> post(
      String path, Map<String, String> fields, Map<String, String> headers) throws Exception {
    var page = get("/privacy/cookies", headers).body();
    var matcher = CSRF.matcher(page);
    assertThat(matcher.find()).as("CSRF token on the page").isTrue();
    var form = new java.util.LinkedHashMap<>(fields);
    form.put("_csrf", matcher.group(1));
    var body = form.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return send(request, headers);
  }

  private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers)
      throws Exception {
    headers.forEach(request::header);
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    var reply = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    for (var cookie : reply.headers().allValues("Set-Cookie")) {
      var pair = cookie.split(";", 2)[0].split("=", 2);
      cookies.put(pair[0], pair[1]);
    }
    return reply;
  }

  private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path)).header("Accept", "text/html"),
        headers);
  }
}
