package app.kinora.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad-input corpus sent through the public API: each file is refused with the right status
 * and error code, leaves no file and no row behind, and nothing ever connects to the port the
 * playlists point at. The server answers normally afterwards.
 */
class HostileUploadsIntegrationTest extends IntegrationTest {

  private static ServerSocket listener;
  private static final AtomicInteger connections = new AtomicInteger();

  @Autowired
  JdbcClient jdbc;

  @Autowired
  MediaProperties properties;

  @TempDir
  Path dir;

  @BeforeAll
  static void listen() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().start(() -> {
      while (!listener.isClosed()) {
        try (var socket = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  @AfterAll
  static void close() throws IOException {
    listener.close();
  }

  @TestFactory
  Stream<DynamicTest> everyHostileFileIsRefusedCleanly() {
    var corpus = HostileMedia.corpus(listener.getLocalPort(), dir);
    assertThat(corpus).hasSizeGreaterThanOrEqualTo(40);
    var tests = new ArrayList<DynamicTest>();
    for (var sample : corpus) {
      tests.add(dynamicTest(sample.name(), () -> refusedWithoutTrace(sample)));
    }
    tests.add(dynamicTest(
        "a refused request drops the references it had already accepted", this::noOrphans));
    tests.add(dynamicTest(
        "nothing connected to the listener", () -> assertThat(connections).hasValue(0)));
    tests.add(dynamicTest(
        "the server is healthy and accepts a good file afterwards", this::stillHealthy));
    return tests.stream();
  }

  private void refusedWithoutTrace(HostileMedia.Sample sample) throws IOException {
    var rowsBefore = rows();
    var filesBefore = storedUploads();

    // a last frame goes with a good first frame, which the request needs before its files are read
    var files = sample.field().equals("last_frame")
        ? Map.of("input_reference", TestMedia.png(480, 480), sample.field(), sample.bytes())
        : Map.of(sample.field(), sample.bytes());
    var reply = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "hostile " + sample.name(), "seconds", "2", "size", "480x480"),
            files);

    assertThat(reply.status()).as("%s: %s", sample, reply.json()).isEqualTo(sample.status());
    var error = reply.json().path("error");
    assertThat(error.path("code").asString()).as(sample.name()).isEqualTo(sample.code());
    assertThat(error.path("param").asString()).isEqualTo(sample.field());
    assertThat(error.path("message").asString())
        .isNotBlank()
        .doesNotContain("Exception", "/tmp", "/work");
    assertThat(rows()).as("rows after %s", sample).isEqualTo(rowsBefore);
    assertThat(storedUploads()).as("stored files after %s", sample).isEqualTo(filesBefore);
    assertThat(workFiles()).as("scratch files after %s", sample).isEmpty();
  }

  private void noOrphans() throws IOException {
    var rowsBefore = rows();
    var filesBefore = storedUploads();

    var badSecond = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "two files", "seconds", "2", "size", "480x480"),
            Map.of(
                "input_reference",
                TestMedia.png(480, 480),
                "audio",
                HostileMedia.text("#EXTM3U\n")));
    var refusedRequest = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "bad size", "seconds", "2", "size", "17x3"),
            Map.of("input_reference", TestMedia.png(480, 480)));

    assertThat(badSecond.status()).isEqualTo(415);
    assertThat(refusedRequest.status()).isEqualTo(400);
    assertThat(rows()).isEqualTo(rowsBefore);
    assertThat(storedUploads()).isEqualTo(filesBefore);
  }

  private void stillHealthy() {
    assertThat(new ApiClient(baseUrl(), null).get("/actuator/health").status()).isEqualTo(200);
    var reply = api()
        .postMultipart(
            "/v1/videos",
            Map.of("prompt", "A calm lake", "seconds", "2", "size", "480x480"),
            Map.of("input_reference", TestMedia.png(480, 480)));
    assertThat(reply.status()).as(String.valueOf(reply.json())).isEqualTo(200);
  }

  private ApiClient api() {
    return new ApiClient(baseUrl(), ADMIN_API_KEY);
  }

  private List<Long> rows() {
    return List.of(
        jdbc.sql("select count(*) from media_uploads").query(Long.class).single(),
        jdbc.sql("select count(*) from generations").query(Long.class).single());
  }

  private List<Path> storedUploads() throws IOException {
    var uploads = properties.storageDir().resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return List.of();
    }
    try (var files = Files.list(uploads)) {
      return files.sorted().toList();
    }
  }

  private List<Path> workFiles() throws IOException {
    if (!Files.isDirectory(properties.workDir())) {
      return List.of();
    }
    try (var files = Files.list(properties.workDir())) {
      return files.filter(f -> f.getFileName().toString().startsWith("upload-")).toList();
    }
  }
}
