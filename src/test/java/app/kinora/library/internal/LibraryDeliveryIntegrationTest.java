package app.kinora.library.internal;

import static app.kinora.library.internal.LibraryTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.kinora.ApiClient;
import app.kinora.IntegrationTest;
import app.kinora.media.Delivery;
import app.kinora.media.MediaProperties;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Delivery of library files: byte-exact ranges, validators and private caching, signed links
 * that expire, meaningful download names, and 404 for every other user on every endpoint.
 */
class LibraryDeliveryIntegrationTest extends IntegrationTest {

  private static UUID video;
  private static UUID upload;

  @Autowired
  WebApplicationContext context;

  @Autowired
  JdbcClient jdbc;

  @Autowired
  LibraryItems items;

  @Autowired
  MediaProperties properties;

  private final HttpClient http = HttpClient.newHttpClient();
  private MockMvc mvc;
  private UserId owner;

  @BeforeEach
  void videoWithAReference() {
    mvc = MockMvcBuilders.webAppContextSetup(context)
        .apply(org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers
            .springSecurity())
        .build();
    owner = LibraryTestSupport.userOf(jdbc, ADMIN_EMAIL);
    if (video == null) {
      var done = LibraryTestSupport.generate(
          new ApiClient(baseUrl(), ADMIN_API_KEY),
          Map.of(
              "prompt", "Snowy peaks at sunrise, à la carte!", "seconds", "2", "size", "640x480"),
          Map.of("input_reference", TestMedia.jpeg(640, 480)));
      video = LibraryTestSupport.uuidOf(done);
      upload = jdbc.sql("select first_frame_upload from generations where id = ?")
          .param(video)
          .query(UUID.class)
          .single();
    }
  }

  @Test
  void rangesAreByteExactAtEverySeekWithValidatorsAndPrivateCaching() throws Exception {
    var link = baseUrl() + signedLinks().signedUrl(owner, video, "video");
    var full = http.send(
        HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(full.statusCode()).isEqualTo(200);
    var bytes = full.body();
    int n = bytes.length;
    assertThat(n).isGreaterThan(10_000);
    assertThat(full.headers().firstValue("Cache-Control").orElseThrow()).contains("private");
    assertThat(full.headers().firstValue("Accept-Ranges")).hasValue("bytes");
    assertThat(full.headers().firstValue("Last-Modified")).isPresent();
    var etag = full.headers().firstValue("ETag").orElseThrow();

    for (var range : List.of(
        "0-0",
        "0-1023",
        "1000-1999",
        (n / 2) + "-" + (n / 2 + 4095),
        (n - 100) + "-",
        "-500",
        (n - 1) + "-" + (n - 1),
        "7-" + (n + 5000),
        "0-",
        (n / 3) + "-" + (n / 3 + 70_000),
        "-80000",
        "1-2")) {
      var part = http.send(
          HttpRequest.newBuilder(URI.create(link))
              .header("Range", "bytes=" + range)
              .build(),
          HttpResponse.BodyHandlers.ofByteArray());
      var expected = slice(bytes, range);
      assertThat(part.statusCode()).as(range).isEqualTo(206);
      assertThat(part.body()).as(range).isEqualTo(expected.bytes());
      assertThat(part.headers().firstValue("Content-Range"))
          .as(range)
          .hasValue("bytes %d-%d/%d".formatted(expected.start(), expected.end(), n));
    }
    var unsatisfiable = http.send(
        HttpRequest.newBuilder(URI.create(link))
            .header("Range", "bytes=" + (n + 10) + "-")
            .build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(unsatisfiable.statusCode()).isEqualTo(416);
    var notModified = http.send(
        HttpRequest.newBuilder(URI.create(link)).header("If-None-Match", etag).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(notModified.statusCode()).isEqualTo(304);
  }

  /**
   * A player's large ranges on a signed link are answered before Spring MVC (with sendfile); the
   * same range asked conditionally ({@code If-Range}) goes through the controller. Both answers
   * must be the same, header for header and byte for byte.
   */
  @Test
  void largeRangesOnASignedLinkGetTheControllersExactAnswerOnTheShortWay() throws Exception {
    var big = LibraryTestSupport.uuidOf(LibraryTestSupport.generate(
        new ApiClient(baseUrl(), ADMIN_API_KEY),
        Map.of(
            "prompt",
            "Fireworks over a harbour at night, zoom in",
            "seconds",
            "6",
            "size",
            "1280x720",
            "seed",
            "42"),
        Map.of()));
    var links = signedLinks();
    for (var variant : List.of("video", "download")) {
      var link = URI.create(baseUrl() + links.signedUrl(owner, big, variant));
      var whole =
          http.send(HttpRequest.newBuilder(link).build(), HttpResponse.BodyHandlers.ofByteArray());
      int n = whole.body().length;
      assertThat(n).as("large enough for sendfile's ranges").isGreaterThan(300_000);
      var etag = whole.headers().firstValue("ETag").orElseThrow();
      for (var range : List.of("0-", "100000-299999", "-200000", (n - 150_000) + "-" + (n + 10))) {
        var shortWay = http.send(
            HttpRequest.newBuilder(link).header("Range", "bytes=" + range).build(),
            HttpResponse.BodyHandlers.ofByteArray());
        var controller = http.send(
            HttpRequest.newBuilder(link)
                .header("Range", "bytes=" + range)
                .header("If-Range", etag)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
        var expected = slice(whole.body(), range);
        assertThat(shortWay.statusCode())
            .as(variant + " " + range)
            .isEqualTo(206)
            .isEqualTo(controller.statusCode());
        assertThat(shortWay.body())
            .as(variant + " " + range)
            .isEqualTo(expected.bytes())
            .isEqualTo(controller.body());
        for (var header : List.of(
            "Content-Type",
            "Content-Length",
            "Content-Range",
            "ETag",
            "Last-Modified",
            "Cache-Control",
            "Accept-Ranges",
            "Content-Disposition",
            "X-Content-Type-Options",
            "X-Frame-Options")) {
          assertThat(shortWay.headers().allValues(header))
              .as(variant + " " + range + " " + header)
              .isEqualTo(controller.headers().allValues(header));
        }
      }
      assertThat(whole.headers().firstValue("Content-Disposition").isPresent())
          .isEqualTo(variant.equals("download"));
    }
  }

  @Test
  void signedLinksWorkWithoutASessionUntilTheyExpireAndOnlyForTheirItemAndVariant()
      throws Exception {
    var links = signedLinks();
    assertThat(status(links.signedUrl(owner, video, "poster"))).isEqualTo(200);
    assertThat(status(links.signedUrl(owner, upload, "upload"))).isEqualTo(200);

    var valid = links.signedUrl(owner, video, "video");
    assertThat(status(valid.replace("signature=", "signature=A")))
        .as("tampered")
        .isEqualTo(404);
    assertThat(status(valid.replace("/video?", "/download?")))
        .as("other variant")
        .isEqualTo(404);
    assertThat(status(valid.replace(video.toString(), upload.toString())))
        .as("other item")
        .isEqualTo(404);
    assertThat(status(links.signedUrl(UserId.random(), video, "video")))
        .as("signed for someone else")
        .isEqualTo(404);
    long now = Instant.now().getEpochSecond();
    assertThat(status(handMadeLink(video, "video", now + 600)))
        .as("signed as links always were")
        .isEqualTo(200);
    assertThat(status(handMadeLink(video, "video", now - 3000))).as("expired").isEqualTo(404);
    assertThat(status("/media/" + video + "/video")).as("unsigned").isEqualTo(404);
  }

  @Test
  void downloadsCarryThePromptAndTheDayAsFileName() throws Exception {
    var response = http.send(
        HttpRequest.newBuilder(
                URI.create(baseUrl() + signedLinks().signedUrl(owner, video, "download")))
            .build(),
        HttpResponse.BodyHandlers.discarding());
    var day = items
        .find(owner.value(), video)
        .orElseThrow()
        .createdAt()
        .atZone(ZoneOffset.UTC)
        .toLocalDate();
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"snowy-peaks-at-sunrise-a-la-carte-" + day + ".mp4\"");
  }

  @Test
  void anotherUserGetsNotFoundOnEveryEndpointWhileTheOwnerGetsTheFiles() throws Exception {
    var stranger = UserId.random();
    var reads = List.of(
        "/library/" + video,
        "/library/" + video + "/video",
        "/library/" + video + "/video?download",
        "/library/" + video + "/poster",
        "/library/" + video + "/sprite",
        "/library/" + video + "/card",
        "/library/uploads/" + upload + "/file",
        "/library/uploads/" + upload + "/file?download");
    for (var path : reads) {
      assertThat(mvcStatus(get(path), stranger)).as("stranger GET " + path).isEqualTo(404);
      assertThat(mvcStatus(get(path), owner)).as("owner GET " + path).isEqualTo(200);
    }
    for (var path : List.of(
        "/library/" + video + "/delete",
        "/library/" + video + "/last-frame",
        "/library/" + upload + "/delete")) {
      assertThat(mvcStatus(post(path), stranger)).as("stranger POST " + path).isEqualTo(404);
    }
    mvc.perform(post("/library/delete")
        .param("ids", video.toString(), upload.toString())
        .with(as(stranger)));
    assertThat(items.find(owner.value(), video))
        .as("a stranger's batch delete skips foreign ids")
        .isPresent();
    assertThat(items.find(owner.value(), upload)).isPresent();
    assertThat(status(signedLinks().signedUrl(owner, video, "video"))).isEqualTo(200);
  }

  private int mvcStatus(MockHttpServletRequestBuilder request, UserId user) throws Exception {
    return mvc.perform(request.with(as(user))).andReturn().getResponse().getStatus();
  }

  private int status(String path) throws Exception {
    return http.send(
            HttpRequest.newBuilder(URI.create(baseUrl() + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private Delivery signedLinks() {
    return context.getBean(Delivery.class);
  }

  /**
   * A link made by hand the way signed links have always been made, with the secret every node
   * shares: HMAC-SHA256 over {@code owner|item|variant|expires}, unpadded URL-safe Base64.
   */
  private String handMadeLink(UUID item, String variant, long expires) throws Exception {
    var secret = jdbc.sql("select value from media_secrets where name = 'media-links'")
        .query(byte[].class)
        .single();
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret, "HmacSHA256"));
    var message = owner.value() + "|" + item + "|" + variant + "|" + expires;
    var signature = Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    return "/media/%s/%s?expires=%d&signature=%s".formatted(item, variant, expires, signature);
  }

  private record Slice(long start, long end, byte[] bytes) {}

  private static Slice slice(byte[] bytes, String range) {
    int n = bytes.length;
    int start;
    int end;
    if (range.startsWith("-")) {
      start = Math.max(0, n - Integer.parseInt(range.substring(1)));
      end = n - 1;
    } else {
      var parts = range.split("-", -1);
      start = Integer.parseInt(parts[0]);
      end = parts[1].isEmpty() ? n - 1 : Math.min(n - 1, Integer.parseInt(parts[1]));
    }
    return new Slice(start, end, Arrays.copyOfRange(bytes, start, end + 1));
  }
}
