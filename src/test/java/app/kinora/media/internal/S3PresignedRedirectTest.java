package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import app.kinora.media.BlobKey;
import app.kinora.media.MediaFile;
import app.kinora.media.MediaProperties;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.context.request.ServletWebRequest;

/** With presigned redirects on, a file request is answered with a short-lived link the S3 server honours. */
class S3PresignedRedirectTest {

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder().withCredentials("access", "secret").build();

  private S3BlobStore store;

  @BeforeEach
  void createBucketAndStore() {
    store = S3BlobStore.connect(new MediaProperties.S3(
        S3.getUri(),
        "us-east-1",
        "kinora-direct",
        true,
        S3.getAccessKey(),
        S3.getSecretKey(),
        DataSize.ofMegabytes(5),
        DataSize.ofMegabytes(5),
        true,
        Duration.ofMinutes(5)));
    store.client().createBucket(b -> b.bucket("kinora-direct"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void deliveryRedirectsToAPresignedUrlThatServesTheBytesAndRanges(@TempDir Path dir)
      throws Exception {
    var bytes = new byte[300_000];
    new java.util.Random(7).nextBytes(bytes);
    var file = Files.write(dir.resolve("video.mp4"), bytes);
    var key = new BlobKey("videos/direct.mp4");
    store.put(key, file);
    var resource = store.open(key).orElseThrow();
    assertThat(resource).isInstanceOf(DirectDownload.class);

    var delivery = new FileDelivery(
        new SignedLinks(() -> new byte[32], Duration.ofMinutes(10), Clock.systemUTC()));
    var answer = delivery.answer(
        MediaFile.of(resource, "video/mp4", "direct-video"),
        new ServletWebRequest(new MockHttpServletRequest("GET", "/library/x/video")));

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FOUND);
    assertThat(answer.getHeaders().getCacheControl()).isEqualTo("no-store");
    var location = answer.getHeaders().getLocation();
    assertThat(location.toString())
        .startsWith(S3.getUri().toString())
        .contains("X-Amz-Signature=")
        .contains("X-Amz-Expires=300");
    var http = HttpClient.newHttpClient();
    var whole = http.send(
        HttpRequest.newBuilder(location).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(whole.statusCode()).isEqualTo(200);
    assertThat(whole.body()).isEqualTo(bytes);
    assertThat(whole.headers().firstValue("Content-Type"))
        .as("the type Kinora asked for")
        .hasValue("video/mp4");
    var range = http.send(
        HttpRequest.newBuilder(location).header("Range", "bytes=1000-1999").build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(range.statusCode()).isEqualTo(206);
    assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(bytes, 1000, 2000));
    var tampered = http.send(
        HttpRequest.newBuilder(
                java.net.URI.create(location.toString().replace("direct.mp4", "other.mp4")))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(tampered.statusCode()).as("the signature covers the key").isEqualTo(403);
  }

  @Test
  void theBucketsOriginIsWhatPagesMayLoadMediaFrom() {
    var pathStyle = new MediaProperties.S3(
        java.net.URI.create("http://minio.local:9000"),
        "us-east-1",
        "videos",
        true,
        null,
        null,
        DataSize.ofMegabytes(16),
        DataSize.ofMegabytes(8),
        true,
        Duration.ofMinutes(5));
    var virtualHosted = new MediaProperties.S3(
        java.net.URI.create("https://r2.example.com"),
        "auto",
        "videos",
        false,
        null,
        null,
        DataSize.ofMegabytes(16),
        DataSize.ofMegabytes(8),
        true,
        Duration.ofMinutes(5));
    var aws = new MediaProperties.S3(
        null,
        "eu-west-1",
        "videos",
        false,
        null,
        null,
        DataSize.ofMegabytes(16),
        DataSize.ofMegabytes(8),
        true,
        Duration.ofMinutes(5));

    assertThat(pathStyle.origin()).isEqualTo("http://minio.local:9000");
    assertThat(virtualHosted.origin()).isEqualTo("https://videos.r2.example.com");
    assertThat(aws.origin()).isEqualTo("https://videos.s3.eu-west-1.amazonaws.com");
  }
}
