package app.kinora.media;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.TestAccounts;
import app.kinora.account.WebSession;
import jakarta.servlet.MultipartConfigElement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The limits agree: a request is read as far as the largest upload media takes, a request over the
 * limit is refused in the shape its client reads (OpenAI's error, or a page), and a picture that
 * would be too large once decoded is refused from its header, before anything decodes it.
 */
class UploadLimitsIntegrationTest extends IntegrationTest {

  @Autowired
  MediaProperties media;

  @Autowired
  MultipartConfigElement multipart;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  PasswordEncoder passwords;

  @Test
  void multipartLimitsFollowTheLargestUploadMediaTakes() {
    assertThat(multipart.getMaxFileSize()).isEqualTo(media.maxVideoSize().toBytes());
    assertThat(multipart.getMaxRequestSize())
        .isGreaterThan(media.maxVideoSize().toBytes()
            + media.maxAudioSize().toBytes()
            + media.maxImageSize().toBytes());
  }

  @Test
  void aVideoPartLargerThanSixtyMegabytesIsReadAndJudgedByMedia() {
    var api =
        new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, TestAccounts.newUser(jdbc, "USER")));

    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A calm lake", "seconds", "2", "size", "480x480"),
        Map.of("video", new byte[61 * 1024 * 1024]));

    assertThat(reply.status())
        .as("read, then refused as no video: %s", reply.json())
        .isEqualTo(415);
    assertThat(reply.json().path("error").path("code").asString())
        .isEqualTo("unsupported_file_type");
  }

  @Test
  void anApiRequestOverTheLimitGets413InOpenAisShape() throws IOException {
    var key = TestAccounts.apiKey(jdbc, TestAccounts.newUser(jdbc, "USER"));

    var answer = oversized("/v1/videos", "Authorization: Bearer " + key);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("application/json");
    var error = JsonMapper.builder().build().readTree(answer.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("request_too_large");
    assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
    assertThat(error.path("message").asString()).isNotBlank();
    assertThat(error.has("param")).isTrue();
  }

  @Test
  void aStudioRequestOverTheLimitGetsAPage() throws IOException {
    var email = "limits-" + System.nanoTime() + "@kinora.test";
    TestAccounts.newUser(jdbc, "USER", email, passwords.encode("limits passphrase 1"));
    var browser = new WebSession(baseUrl());
    browser.post(
        "/login",
        Map.of("username", email, "password", "limits passphrase 1"),
        browser.get("/login").csrf());
    var csrf = browser.get("/").csrf();
    var cookie = browser.cookie("__Host-kinora") != null
        ? "__Host-kinora=" + browser.cookie("__Host-kinora")
        : "kinora=" + browser.cookie("kinora");

    var answer = oversized("/generations", "Cookie: " + cookie + "\r\nX-CSRF-TOKEN: " + csrf);

    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.contentType()).startsWith("text/html");
    assertThat(answer.body()).contains("That did not work", "larger than this server accepts");
  }

  @Test
  void aPictureTooLargeOnceDecodedIsRefusedFromItsHeader() {
    var deep = TestMedia.deepPng(6300, 6300);
    assertThat(deep.length).as("a small file").isLessThan(400 * 1024);
    var api =
        new ApiClient(baseUrl(), TestAccounts.apiKey(jdbc, TestAccounts.newUser(jdbc, "USER")));

    long started = System.nanoTime();
    var reply = api.postMultipart(
        "/v1/videos",
        Map.of("prompt", "A calm lake", "seconds", "2", "size", "480x480"),
        Map.of("input_reference", deep));

    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(413);
    assertThat(reply.json().path("error").path("code").asString()).isEqualTo("file_too_large");
    assertThat(reply.json().path("error").path("message").asString())
        .contains("302 MB once decoded", "16 bits");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("refused before decoding")
        .isLessThan(Duration.ofSeconds(3));
  }

  private record Answer(int status, String contentType, String body) {}

  /**
   * A multipart request whose declared length is over the limit, of which only the beginning is
   * sent: the server refuses it from its length, before reading the body.
   */
  private Answer oversized(String path, String headers) throws IOException {
    long declared = multipart.getMaxRequestSize() + 1;
    try (var socket = new Socket("localhost", port)) {
      socket.setSoTimeout(20_000);
      var out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + headers
              + "\r\nContent-Type: multipart/form-data; "
              + "boundary=limit\r\nContent-Length: " + declared
              + "\r\nConnection: close\r\n\r\n--limit\r\n"
              + "Content-Disposition: form-data; name=\"prompt\"\r\n\r\nA calm lake\r\n")
          .getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** One HTTP/1.1 response, its body sized or chunked, read without waiting for the connection to close. */
  private static Answer read(InputStream in) throws IOException {
    var lines = line(in, "\r\n\r\n").split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    String type = "";
    int length = 0;
    boolean chunked = false;
    for (var line : lines) {
      var lower = line.toLowerCase();
      if (lower.startsWith("content-type:")) {
        type = line.substring(13).strip();
      } else if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).strip());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    var body = new ByteArrayOutputStream();
    if (!chunked) {
      body.writeBytes(in.readNBytes(length));
    }
    for (int size; chunked && (size = Integer.parseInt(line(in, "\r\n").strip(), 16)) > 0; ) {
      body.writeBytes(in.readNBytes(size));
      line(in, "\r\n");
    }
    return new Answer(status, type, body.toString(StandardCharsets.UTF_8));
  }

  /** The bytes up to and including {@code end}, as text. */
  private static String line(InputStream in, String end) throws IOException {
    var text = new ByteArrayOutputStream();
    while (!text.toString(StandardCharsets.ISO_8859_1).endsWith(end)) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      text.write(b);
    }
    return text.toString(StandardCharsets.ISO_8859_1);
  }
}
