package app.kinora.media;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers a request for a stored media file (a video, a poster, a sprite sheet): private caching, a validator ({@code ETag} and {@code
 * Last-Modified}), and byte ranges (Spring MVC answers {@code Range} with 206 for a {@link
 * Resource} body), so players can seek. A file its store can hand out directly ({@link
 * DirectDownload}: S3 with presigned redirects on) is answered with a redirect there instead.
 */
public final class MediaDelivery {

  private static final List<String> CONDITIONAL_HEADERS = List.of(HttpHeaders.IF_NONE_MATCH,
      HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.IF_MATCH, HttpHeaders.IF_UNMODIFIED_SINCE, HttpHeaders.IF_RANGE);
  private static final String CACHE_CONTROL = CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate().getHeaderValue();

  private MediaDelivery() {}

  /**
   * @param etag an id that changes whenever the bytes would (stored media never changes)
   * @param downloadName when present, asks the browser to save the file under this safe name
   */
  public static ResponseEntity<Resource> file(
      Resource file, String contentType, String etag, String downloadName, WebRequest request) {
    if (file instanceof DirectDownload direct) {
      var disposition = downloadName == null ? null
          : ContentDisposition.attachment().filename(downloadName).build().toString();
      var url = direct.directUrl(contentType, disposition);
      if (url.isPresent()) { // the object store answers, ranges and all
        return ResponseEntity.status(HttpStatus.FOUND).location(url.get()).cacheControl(CacheControl.noStore()).build();
      }
    }
    var quotedTag = "\"" + etag + "\"";
    long lastModified = lastModified(file);
    if (request.checkNotModified(quotedTag, lastModified)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
    }
    var zeroCopy = Sendfile.prepare(file, request);
    boolean partial = zeroCopy.map(Sendfile.Span::partial).orElse(false);
    var response = ResponseEntity.status(partial ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
        .headers(headers(file, contentType, etag, downloadName, zeroCopy));
    // with a span, Tomcat sends the bytes with sendfile; otherwise Spring streams the resource
    return zeroCopy.isPresent() ? response.build() : response.body(file);
  }

  /**
   * The answer {@link #file} gives to a plain GET of a file on local disk, written straight to
   * the servlet response so that a hot path can skip Spring MVC: Tomcat then sends the bytes with
   * {@code sendfile}. Returns false, having written nothing, for whatever needs the full
   * machinery — HEAD, conditional requests, several or unsatisfiable ranges, small answers,
   * object storage — and the caller hands the request on.
   */
  public static boolean sendLocalFile(Resource file, String contentType, String etag, String downloadName,
      HttpServletRequest request, HttpServletResponse response) {
    for (var conditional : CONDITIONAL_HEADERS) {
      if (request.getHeader(conditional) != null) {
        return false;
      }
    }
    var span = Sendfile.prepare(file, new ServletWebRequest(request, response));
    if (span.isEmpty()) {
      return false;
    }
    response.setStatus(span.get().partial() ? HttpServletResponse.SC_PARTIAL_CONTENT : HttpServletResponse.SC_OK);
    headers(file, contentType, etag, downloadName, span).forEach((name, values) -> values.forEach(
        value -> response.addHeader(name, value)));
    response.setHeader("X-Frame-Options", "DENY"); // what Spring Security adds on the controllers' way
    return true; // Tomcat sends the bytes with sendfile once the request returns
  }

  /** The answer's headers, the same on both ways; with a sendfile span, its length and range. */
  private static HttpHeaders headers(Resource file, String contentType, String etag, String downloadName,
      java.util.Optional<Sendfile.Span> span) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(contentType));
    headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
    headers.setETag("\"" + etag + "\"");
    headers.setLastModified(lastModified(file));
    headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
    headers.set("X-Content-Type-Options", "nosniff");
    if (downloadName != null) {
      headers.setContentDisposition(ContentDisposition.attachment().filename(downloadName).build());
    }
    span.ifPresent(bytes -> {
      headers.setContentLength(bytes.length());
      if (bytes.partial()) {
        headers.set(HttpHeaders.CONTENT_RANGE, bytes.contentRange());
      }
    });
    return headers;
  }

  private static long lastModified(Resource resource) {
    try {
      return resource.lastModified();
    } catch (IOException e) {
      return Instant.EPOCH.toEpochMilli();
    }
  }
}
