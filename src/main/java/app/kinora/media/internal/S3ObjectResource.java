package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.springframework.core.io.AbstractResource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An S3 object as a Spring {@link org.springframework.core.io.Resource}, with the length and time
 * of the HEAD request that found it. Its stream opens lazily: Spring MVC answers a {@code Range}
 * by skipping to the range's start, and a skip before the first read becomes the GET's own
 * {@code Range} header, so seeking into a large video does not download what lies before.
 */
class S3ObjectResource extends AbstractResource {

  private final S3Client s3;
  private final String bucket;
  private final BlobKey key;
  private final long length;
  private final Instant lastModified;

  S3ObjectResource(S3Client s3, String bucket, BlobKey key, long length, Instant lastModified) {
    this.s3 = s3;
    this.bucket = bucket;
    this.key = key;
    this.length = length;
    this.lastModified = lastModified;
  }

  @Override
  public InputStream getInputStream() {
    return new LazyRangeStream();
  }

  @Override
  public long contentLength() {
    return length;
  }

  @Override
  public long lastModified() {
    return lastModified.toEpochMilli();
  }

  @Override
  public boolean exists() {
    return true;
  }

  @Override
  public String getFilename() {
    return key.value().substring(key.value().lastIndexOf('/') + 1);
  }

  @Override
  public String getDescription() {
    return "S3 object [" + bucket + "/" + key + "]";
  }

  private final class LazyRangeStream extends InputStream {

    private long offset;
    private software.amazon.awssdk.core.ResponseInputStream<?> body;
    private boolean ended;

    @Override
    public long skip(long n) throws IOException {
      if (body != null) {
        return body.skip(n);
      }
      long skipped = Math.max(0, Math.min(n, length - offset));
      offset += skipped;
      return skipped;
    }

    @Override
    public int read() throws IOException {
      return open() == null ? -1 : ended(body.read());
    }

    @Override
    public int read(byte[] buffer, int from, int count) throws IOException {
      return open() == null ? -1 : ended(body.read(buffer, from, count));
    }

    private int ended(int result) {
      ended |= result < 0;
      return result;
    }

    private InputStream open() throws IOException {
      if (body == null && offset < length) {
        body = S3BlobStore.get(s3, bucket, key, offset);
      }
      return body;
    }

    @Override
    public void close() throws IOException {
      if (body != null) {
        if (!ended) {
          body.abort(); // a range ended early: drop the connection instead of reading to the end
        }
        body.close();
      }
    }
  }

  /** The same object, which may also be handed out as a presigned GET. */
  static final class Presignable extends S3ObjectResource implements DirectDownload {

    private final S3Presigner presigner;
    private final java.time.Duration lifetime;
    private final String bucket;
    private final BlobKey key;

    Presignable(
        S3Client s3,
        String bucket,
        BlobKey key,
        long length,
        Instant lastModified,
        S3Presigner presigner,
        java.time.Duration lifetime) {
      super(s3, bucket, key, length, lastModified);
      this.presigner = presigner;
      this.lifetime = lifetime;
      this.bucket = bucket;
      this.key = key;
    }

    @Override
    public java.util.Optional<java.net.URI> directUrl(
        String contentType, String contentDisposition) {
      var request = software.amazon.awssdk.services.s3.model.GetObjectRequest.builder()
          .bucket(bucket)
          .key(key.value())
          .responseContentType(contentType)
          .responseContentDisposition(contentDisposition)
          .responseCacheControl("private, max-age=" + lifetime.toSeconds())
          .build();
      var presigned =
          presigner.presignGetObject(b -> b.signatureDuration(lifetime).getObjectRequest(request));
      try {
        return java.util.Optional.of(presigned.url().toURI());
      } catch (java.net.URISyntaxException e) {
        return java.util.Optional.empty();
      }
    }
  }
}
