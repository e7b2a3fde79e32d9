package app.kinora.media;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Empty and near-empty files are refused at intake with a message that says so, from the API and
 * from the studio alike; a studio file field left empty is no file at all.
 */
class NearEmptyUploadsIntegrationTest extends IntegrationTest {

  private static final String CLEAR =
      "(The image is empty: the file has no bytes\\.|The image is only \\d+ bytes?: too short to"
          + " hold a picture\\.|The image is cut short or damaged: its header could not be read\\."
          + "|The picture could not be read: the file is cut short or damaged\\.)";

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Autowired
  app.kinora.generation.Generations generations;

  @ParameterizedTest(name = "{0} bytes of a PNG")
  @ValueSource(ints = {0, 1, 8, 20, 33, 45, 60})
  void theApiRefusesAnEmptyOrCutShortPictureSayingSo(int length) {
    var png = Arrays.copyOf(TestMedia.png(64, 48), length);
    var user = TestAccounts.newUser(jdbc, "USER");
    var api = new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, user));

    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A calm lake", "seconds", "2", "size", "480x480"),
        Map.of("input_reference", png));

    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(400);
    var error = reply.json().path("error");
    assertThat(error.path("code").asString()).isEqualTo("invalid_file");
    assertThat(error.path("param").asString()).isEqualTo("input_reference");
    assertThat(error.path("message").asString()).matches(CLEAR);
    assertThat(jdbc.sql("select count(*) from generations where user_id = ?")
            .param(user.value())
            .query(Long.class)
            .single())
        .isZero();
  }

  @Test
  void theStudioRefusesAnEmptyFileButTakesAFileFieldLeftEmpty() throws Exception {
    var email = "near-empty-" + System.nanoTime() + "@kinora.test";
    var user = TestAccounts.newUser(jdbc, "USER", email, passwords.encode("near empty passphrase"));
    var browser = new WebSession(baseUrl());
    browser.post(
        "/login",
        Map.of("username", email, "password", "near empty passphrase"),
        browser.get("/login").csrf());
    var csrf = browser.get("/").csrf();

    var empty = studio(browser, csrf, "a.png");
    var leftEmpty = studio(browser, csrf, "");

    assertThat(empty.statusCode()).isEqualTo(200);
    assertThat(empty.body()).contains("The image is empty: the file has no bytes.");
    assertThat(leftEmpty.statusCode()).isEqualTo(200);
    assertThat(leftEmpty.body())
        .as("accepted, without a form error")
        .doesNotContain("role=\"alert\"");
    generations.recent(user, 10).forEach(g -> generations.cancel(user, g.id()));
  }

  /** The studio's form sent by htmx, with an empty part for the first frame under the file name given. */
  private HttpResponse<String> studio(WebSession browser, String csrf, String filename)
      throws Exception {
    var boundary = "studioBoundary";
    var body = new ByteArrayOutputStream();
    for (var field : List.of(
        List.of("prompt", "A calm lake"), List.of("seconds", "2"), List.of("size", "480x480"))) {
      body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
              + field.get(0) + "\"\r\n\r\n" + field.get(1) + "\r\n")
          .getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary
            + "\r\nContent-Disposition: form-data; name=\"input_reference\"; filename=\"" + filename
            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n\r\n--" + boundary + "--\r\n")
        .getBytes(StandardCharsets.UTF_8));
    var cookie = browser.cookie("__Host-kinora") != null
        ? "__Host-kinora=" + browser.cookie("__Host-kinora")
        : "kinora=" + browser.cookie("kinora");
    var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/generations"))
        .header("Cookie", cookie)
        .header("X-CSRF-TOKEN", csrf)
        .header("HX-Request", "true")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
        .build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
  }
}
