package app.kinora.media.internal;

import java.net.URI;
import java.util.Optional;

/**
 * A stored file that its store can hand out directly: a short-lived link to the object store
 * (an S3 presigned URL) that answers with the given type and disposition. Delivery then redirects
 * there instead of streaming the bytes through Kinora.
 */
interface DirectDownload {

  /** @param contentDisposition the header the answer should carry, or null */
  Optional<URI> directUrl(String contentType, String contentDisposition);
}
