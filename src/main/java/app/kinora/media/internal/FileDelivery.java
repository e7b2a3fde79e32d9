package app.kinora.media.internal;

import app.kinora.media.Delivery;
import app.kinora.media.MediaFile;
import app.kinora.media.MediaProperties;
import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * The {@link Delivery}: signed links ({@link SignedLinks}), and answers with private caching, a
 * validator and byte ranges (Spring MVC answers {@code Range} with 206 for a {@link Resource}
 * body). A local file goes out with {@link Sendfile}; a file its store can hand out directly
 * ({@link DirectDownload}: S3 with presigned redirects on) is answered with a redirect there.
 * Both ways of answering build their headers in one place, so they cannot drift apart.
 */
@Service
class FileDelivery implements Delivery {

  private static final List<String> CONDITIONAL_HEADERS = List.of(
      HttpHeaders.IF_NONE_MATCH,
      HttpHeaders.IF_MODIFIED_SINCE,
      HttpHeaders.IF_MATCH,
      HttpHeaders.IF_UNMODIFIED_SINCE,
      HttpHeaders.IF_RANGE);
  private static final String CACHE_CONTROL =
      CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate().getHeaderValue();

  private final SignedLinks links;

  @Autowired
  FileDelivery(SigningSecret secret, MediaProperties properties) {
    this(new SignedLinks(secret, properties.signedUrlLifetime(), Clock.systemUTC()));
  }

  FileDelivery(SignedLinks links) {
    this.links = links;
  }

  @Override
  public String signedUrl(UserId owner, UUID subject, String variant) {
    return links.link(owner, subject, variant);
  }

  @Override
  public boolean verify(
      UserId owner, UUID subject, String variant, long expires, String signature) {
    return links.verify(owner, subject, variant, expires, signature);
  }

  @Override
  public ResponseEntity<Resource> answer(MediaFile file, WebRequest request) {
    if (file.content() instanceof DirectDownload direct) {
      var url = direct.directUrl(
          file.contentType(),
          disposition(file).map(ContentDisposition::toString).orElse(null));
      if (url.isPresent()) { // the object store answers, ranges and all
        return ResponseEntity.status(HttpStatus.FOUND)
            .location(url.get())
            .cacheControl(CacheControl.noStore())
            .build();
      }
    }
    if (request.checkNotModified("\"" + file.etag() + "\"", lastModified(file.content()))) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
    }
    var zeroCopy = Sendfile.prepare(file.content(), request);
    boolean partial = zeroCopy.map(Sendfile.Span::partial).orElse(false);
    var response = ResponseEntity.status(partial ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
        .headers(headers(file, zeroCopy));
    // with a span, Tomcat sends the bytes with sendfile; otherwise Spring streams the resource
    return zeroCopy.isPresent() ? response.build() : response.body(file.content());
  }

  @Override
  public boolean answerWithSendfile(
      MediaFile file, HttpServletRequest request, HttpServletResponse response) {
    for (var conditional : CONDITIONAL_HEADERS) {
      if (request.getHeader(conditional) != null) {
        return false;
      }
    }
    var span = Sendfile.prepare(file.content(), new ServletWebRequest(request, response));
    if (span.isEmpty()) {
      return false;
    }
    response.setStatus(
        span.get().partial() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
    headers(file, span)
        .forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setHeader(
        "X-Frame-Options", "DENY"); // what Spring Security adds on the controllers' way
    return true; // Tomcat sends the bytes with sendfile once the request returns
  }

  /** The answer's headers, the same on both ways; with a sendfile span, its length and range. */
  private static HttpHeaders headers(MediaFile file, Optional<Sendfile.Span> span) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(file.contentType()));
    headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    headers.setETag("\"" + file.etag() + "\"");
    headers.setLastModified(lastModified(file.content()));
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    headers.set("X-Content-Type-Options", "nosniff");
    disposition(file).ifPresent(headers::setContentDisposition);
    span.ifPresent(bytes -> {
      headers.setContentLength(bytes.length());
      if (bytes.partial()) {
        headers.set(HttpHeaders.CONTENT_RANGE, bytes.contentRange());
      }
    });
    return headers;
  }

  private static Optional<ContentDisposition> disposition(MediaFile file) {
    return Optional.ofNullable(file.downloadName())
        .map(name -> ContentDisposition.attachment().filename(name).build());
  }

  private static long lastModified(Resource resource) {
    try {
      return resource.lastModified();
    } catch (IOException e) {
      return Instant.EPOCH.toEpochMilli();
    }
  }
}
