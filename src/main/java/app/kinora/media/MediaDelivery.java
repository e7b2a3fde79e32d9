package app.kinora.media;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * Answers a request for a stored media file (a video, a poster, a sprite sheet): private caching, a validator ({@code ETag} and {@code
 * Last-Modified}), and byte ranges (Spring MVC answers {@code Range} with 206 for a {@link
 * Resource} body), so players can seek.
 */
public final class MediaDelivery {

  private MediaDelivery() {}

  /**
   * @param etag an id that changes whenever the bytes would (stored media never changes)
   * @param downloadName when present, asks the browser to save the file under this safe name
   */
  public static ResponseEntity<Resource> file(
      Resource file, String contentType, String etag, String downloadName, WebRequest request) {
    var quotedTag = "\"" + etag + "\"";
    long lastModified = lastModified(file);
    if (request.checkNotModified(quotedTag, lastModified)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).build();
    }
    var zeroCopy = Sendfile.prepare(file, request);
    boolean partial = zeroCopy.map(Sendfile.Span::partial).orElse(false);
    var response =
        ResponseEntity.status(partial ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
            .contentType(MediaType.parseMediaType(contentType))
            .cacheControl(CacheControl.maxAge(1, TimeUnit.HOURS).cachePrivate())
            .eTag(quotedTag)
            .lastModified(lastModified)
            .header(HttpHeaders.ACCEPT_RANGES, "bytes")
            .header("X-Content-Type-Options", "nosniff");
    if (downloadName != null) {
      response.header(
          HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(downloadName).build().toString());
    }
    if (zeroCopy.isPresent()) {
      var span = zeroCopy.get();
      response.contentLength(span.length());
      if (span.partial()) {
        response.header(HttpHeaders.CONTENT_RANGE, span.contentRange());
      }
      return response.build(); // Tomcat sends the bytes with sendfile
    }
    return response.body(file);
  }

  private static long lastModified(Resource resource) {
    try {
      return resource.lastModified();
    } catch (IOException e) {
      return Instant.EPOCH.toEpochMilli();
    }
  }
}
