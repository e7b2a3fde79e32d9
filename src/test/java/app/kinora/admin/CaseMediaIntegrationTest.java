package app.kinora.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import app.kinora.generation.Attachment;
import app.kinora.generation.Generations;
import app.kinora.generation.TestSpecs;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaUploads;
import app.kinora.media.TestMedia;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * An operator's case shows the account's media — its videos and its uploads — only once that
 * operator opened a case with a reason: before, and for another operator, the files are not found.
 */
class CaseMediaIntegrationTest extends IntegrationTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

  @Autowired
  JdbcClient jdbc;

  @Autowired
  Generations generations;

  @Autowired
  MediaUploads uploads;

  @Autowired
  PasswordEncoder passwords;

  @Test
  void theAccountsVideosAndUploadsAreShownOnlyInTheOperatorsOpenCase() throws Exception {
    var user = TestAccounts.newUser(jdbc, "USER");
    var other = TestAccounts.newUser(jdbc, "USER");
    var upload = uploads
        .accept(user, MediaKind.IMAGE, new ByteArrayInputStream(TestMedia.png(640, 360)))
        .id();
    var foreign = uploads
        .accept(other, MediaKind.IMAGE, new ByteArrayInputStream(TestMedia.png(640, 360)))
        .id();
    var video = generations
        .submit(
            user,
            TestSpecs.of("kinora-local", "A lantern by the sea", "2", "1280x720", 3L),
            Attachment.Files.NONE)
        .id();
    Awaitility.await("the video is made")
        .atMost(Duration.ofMinutes(2))
        .until(() -> "COMPLETED"
            .equals(jdbc.sql("select status from generations where id = ?")
                .param(video.value())
                .query(String.class)
                .single()));
    var caseUrl = "/admin/users/" + user.value() + "/case";
    var uploadUrl = caseUrl + "/uploads/" + upload.value();
    var videoUrl = caseUrl + "/videos/" + video.value() + "/video";
    var posterUrl = caseUrl + "/videos/" + video.value() + "/thumbnail";

    var operator = signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    var closed = operator.get(caseUrl);
    assertThat(closed.body()).contains("Open a case").doesNotContain(uploadUrl, videoUrl);
    for (var url : new String[] {uploadUrl, videoUrl, posterUrl}) {
      assertThat(fetch(operator, url).statusCode())
          .as("before the case: " + url)
          .isEqualTo(404);
    }

    var opened =
        operator.post(caseUrl, Map.of("reason", "Report of an abusive upload"), closed.csrf());
    assertThat(opened.body()).contains(uploadUrl, videoUrl, posterUrl);

    var image = fetch(operator, uploadUrl);
    assertThat(image.statusCode()).isEqualTo(200);
    assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(image.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    assertThat(Arrays.copyOf(image.body(), 4)).isEqualTo(PNG_SIGNATURE);
    var mp4 = fetch(operator, videoUrl);
    assertThat(mp4.statusCode()).isEqualTo(200);
    assertThat(mp4.headers().firstValue("Content-Type")).hasValue("video/mp4");
    assertThat(new String(mp4.body(), 4, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("ftyp");
    assertThat(fetch(operator, posterUrl).headers().firstValue("Content-Type"))
        .hasValue("image/jpeg");
    assertThat(fetch(operator, caseUrl + "/uploads/" + foreign.value()).statusCode())
        .as("another account's upload through this case")
        .isEqualTo(404);

    var colleague = "colleague.operator@kinora.test";
    TestAccounts.newUser(jdbc, "ADMIN", colleague, passwords.encode("a colleague's passphrase"));
    var second = signIn(colleague, "a colleague's passphrase");
    assertThat(fetch(second, uploadUrl).statusCode())
        .as("an operator without a case of their own")
        .isEqualTo(404);
  }

  private WebSession signIn(String email, String password) {
    var session = new WebSession(baseUrl());
    session.submit("/login", "/login", Map.of("username", email, "password", password));
    return session;
  }

  private HttpResponse<byte[]> fetch(WebSession session, String path)
      throws IOException, InterruptedException {
    try (var http = HttpClient.newHttpClient()) {
      return http.send(
          HttpRequest.newBuilder(URI.create(baseUrl() + path))
              .header("Cookie", "__Host-kinora=" + session.cookie("__Host-kinora"))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }
  }
}
