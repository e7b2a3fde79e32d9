package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.DeliveryFastPath;
import app.kinora.media.MediaFile;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

/** The fast path answers a plain GET itself, exactly as the controller way would, and hands on the rest. */
class DeliveryFastPathUnitTest {

  private static final String SENDFILE = "org.apache.tomcat.sendfile.support";

  @TempDir
  Path dir;

  private final FileDelivery delivery = new FileDelivery(
      new SignedLinks(() -> new byte[32], Duration.ofMinutes(10), Clock.systemUTC()));
  private final AtomicInteger lookups = new AtomicInteger();
  private MediaFile file;
  private DeliveryFastPath fastPath;

  @BeforeEach
  void aVideoOnDisk() throws IOException {
    var bytes = new byte[300_000];
    new java.util.Random(3).nextBytes(bytes);
    file = MediaFile.of(
            new FileSystemResource(Files.write(dir.resolve("video.mp4"), bytes)),
            "video/mp4",
            "v1-video")
        .downloadAs("clip.mp4");
    fastPath = new DeliveryFastPath(delivery) {
      @Override
      protected Optional<MediaFile> fileFor(HttpServletRequest request, String path) {
        lookups.incrementAndGet();
        return path.equals("/files/video") ? Optional.of(file) : Optional.empty();
      }
    };
  }

  @Test
  void answersAPlainRangeItselfWithSendfileAndTheControllersHeaders() throws Exception {
    var request = get("/files/video", "bytes=100000-199999");
    var response = new MockHttpServletResponse();
    var chain = new MockFilterChain();

    fastPath.doFilter(request, response, chain);

    assertThat(chain.getRequest()).as("not handed on").isNull();
    assertThat(response.getStatus()).isEqualTo(206);
    assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 100000-199999/300000");
    assertThat(request.getAttribute("org.apache.tomcat.sendfile.start")).isEqualTo(100_000L);
    assertThat(request.getAttribute("org.apache.tomcat.sendfile.end")).isEqualTo(200_000L);
    assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");

    var controllerWay = new MockHttpServletRequest("GET", "/files/video");
    controllerWay.addHeader("Range", "bytes=100000-199999");
    controllerWay.setAttribute(SENDFILE, true);
    var answer =
        delivery.answer(file, new ServletWebRequest(controllerWay, new MockHttpServletResponse()));
    assertThat(answer.getStatusCode().value()).isEqualTo(206);
    answer
        .getHeaders()
        .forEach(
            (name, values) -> assertThat(response.getHeaders(name)).as(name).isEqualTo(values));
    assertThat(response.getHeaderNames())
        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(
                answer.getHeaders().headerNames().stream(),
                java.util.stream.Stream.of("X-Frame-Options"))
            .toList());
  }

  @Test
  void handsOnWhatNeedsTheFullMachinery() throws Exception {
    var conditional = get("/files/video", "bytes=0-");
    conditional.addHeader("If-None-Match", "\"v1-video\"");
    var head = get("/files/video", null);
    head.setMethod("HEAD");
    var small = get("/files/video", "bytes=0-99");
    var unknown = get("/files/other", null);
    var noSendfile = get("/files/video", null);
    noSendfile.removeAttribute(SENDFILE);

    for (var request : java.util.List.of(conditional, head, small, unknown, noSendfile)) {
      var response = new MockHttpServletResponse();
      var chain = new MockFilterChain();
      fastPath.doFilter(request, response, chain);
      assertThat(chain.getRequest())
          .as(request.getMethod() + " " + request.getRequestURI())
          .isSameAs(request);
      assertThat(response.getHeaderNames()).as("nothing written").isEmpty();
    }
    assertThat(lookups).as("HEAD is not looked up").hasValue(4);
  }

  private static MockHttpServletRequest get(String path, String range) {
    var request = new MockHttpServletRequest("GET", path);
    request.setAttribute(SENDFILE, true);
    if (range != null) {
      request.addHeader("Range", range);
    }
    return request;
  }
}
