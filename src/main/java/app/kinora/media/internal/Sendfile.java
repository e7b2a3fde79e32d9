package app.kinora.media.internal;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;

/**
 * Zero-copy delivery of a file on local disk: Tomcat sends it with {@code sendfile} (the kernel
 * copies from the page cache to the socket, as nginx does) when a request asks for the whole file
 * or one byte range. Anything else — object storage, several ranges, a range outside the file,
 * HEAD — falls back to Spring's streaming of the {@link Resource}, which answers it correctly.
 */
final class Sendfile {

  private static final String SUPPORT = "org.apache.tomcat.sendfile.support";
  private static final String FILENAME = "org.apache.tomcat.sendfile.filename";
  private static final String START = "org.apache.tomcat.sendfile.start";
  private static final String END = "org.apache.tomcat.sendfile.end";
  private static final long MIN_BYTES = 64 * 1024;

  /** The bytes Tomcat will send: {@code [start, end]} of a file of {@code total} bytes. */
  record Span(long start, long end, long total, boolean partial) {
    long length() {
      return end - start + 1;
    }

    String contentRange() {
      return "bytes " + start + "-" + end + "/" + total;
    }
  }

  private Sendfile() {}

  static Optional<Span> prepare(Resource file, WebRequest request) {
    if (!(file instanceof FileSystemResource local)
        || !(request instanceof ServletWebRequest servlet)) {
      return Optional.empty();
    }
    var http = servlet.getRequest();
    if (!Boolean.TRUE.equals(http.getAttribute(SUPPORT)) || !"GET".equals(http.getMethod())) {
      return Optional.empty();
    }
    try {
      long total = local.contentLength();
      var header = http.getHeader(HttpHeaders.RANGE);
      Span span;
      if (header == null) {
        span = new Span(0, total - 1, total, false);
      } else {
        List<HttpRange> ranges = HttpRange.parseRanges(header);
        if (ranges.size() != 1 || total == 0) {
          return Optional.empty();
        }
        long start = ranges.getFirst().getRangeStart(total);
        long end = ranges.getFirst().getRangeEnd(total);
        if (start >= total || end < start) {
          return Optional.empty();
        }
        span = new Span(start, end, total, true);
      }
      if (span.length() < MIN_BYTES) {
        return Optional.empty(); // small answers are cheaper through the buffer
      }
      http.setAttribute(FILENAME, local.getFile().getAbsolutePath());
      http.setAttribute(START, span.start());
      http.setAttribute(END, span.end() + 1); // Tomcat's end is exclusive
      return Optional.of(span);
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
