package app.kinora.media;

import app.kinora.shared.UserId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.WebRequest;

/**
 * How stored files reach players, browsers and API clients, the same way for every module:
 *
 * <ul>
 *   <li>signed links, {@code /media/{subject}/{variant}?expires=…&signature=…}: an HMAC-SHA256
 *       over owner, subject, variant and expiry with a secret every node shares through the
 *       database, so a link works without a session until {@code kinora.media.signed-url-lifetime};
 *   <li>answers with private caching, validators ({@code ETag}, {@code Last-Modified}) and byte
 *       ranges, the bytes of a local file sent by Tomcat with {@code sendfile}, or a redirect to a
 *       presigned URL when the object store serves them ({@code kinora.media.s3.presigned-redirects});
 *   <li>the same answer on a short way past Spring MVC, for a {@link DeliveryFastPath}.
 * </ul>
 */
public interface Delivery {

  /**
   * A link to {@code variant} of the owner's {@code subject}, working for the configured lifetime.
   *
   * @param variant lowercase letters and dashes, such as {@code video} or {@code download}
   */
  String signedUrl(UserId owner, UUID subject, String variant);

  /** Whether the signature is the owner's for this subject and variant, and the link has not expired. */
  boolean verify(UserId owner, UUID subject, String variant, long expires, String signature);

  /** The answer to a request for the file: 200, 206, 304 or 416 with the same headers every time, or a redirect. */
  ResponseEntity<Resource> answer(MediaFile file, WebRequest request);

  /**
   * The answer {@link #answer} gives to a plain GET of a file on local disk, written straight to
   * the servlet response so that a hot path can skip Spring MVC; Tomcat then sends the bytes with
   * {@code sendfile}. Returns false, having written nothing, for whatever needs the full
   * machinery — HEAD, conditional requests, several or unsatisfiable ranges, small answers,
   * object storage — and the caller hands the request on.
   */
  boolean answerWithSendfile(
      MediaFile file, HttpServletRequest request, HttpServletResponse response);
}
