package app.kinora.media;

import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;

/**
 * A stored file as {@link Delivery} answers with it: its bytes, its media type, an entity tag and,
 * when the browser should save rather than show it, a file name.
 *
 * @param etag unquoted, and different whenever the bytes would be (stored files never change, so
 *     an id and a variant do)
 * @param downloadName a safe file name, or null to show the file inline
 */
public record MediaFile(Resource content, String contentType, String etag, String downloadName) {

  private static final Pattern ETAG = Pattern.compile("[A-Za-z0-9_.-]{1,200}");

  public MediaFile {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(contentType, "contentType");
    if (etag == null || !ETAG.matcher(etag).matches()) {
      throw new IllegalArgumentException("not an entity tag: " + etag);
    }
  }

  /** The file shown inline. */
  public static MediaFile of(Resource content, String contentType, String etag) {
    return new MediaFile(content, contentType, etag, null);
  }

  /** The same file, saved by the browser under {@code name}. */
  public MediaFile downloadAs(String name) {
    return new MediaFile(content, contentType, etag, name);
  }
}
