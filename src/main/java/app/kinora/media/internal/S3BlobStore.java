package app.kinora.media.internal;

import app.kinora.media.BlobKey;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import app.kinora.media.S3Access;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Keeps objects in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2). Files are streamed
 * from disk: small ones in one request, large ones as a multipart upload of fixed-size parts
 * (aborted on failure, so no half object ever appears under its key). Reads are ranged GETs.
 */
class S3BlobStore implements BlobStore, AutoCloseable {

  private final S3Client s3;
  private final S3Presigner presigner;
  private final java.time.Duration presignedLifetime;
  private final String bucket;
  private final long multipartThreshold;
  private final int partSize;

  S3BlobStore(S3Client s3, String bucket, long multipartThreshold, long partSize) {
    this(s3, bucket, multipartThreshold, partSize, null, null);
  }

  /** @param presigner when set, files are handed out as presigned URLs valid for {@code lifetime} */
  S3BlobStore(
      S3Client s3,
      String bucket,
      long multipartThreshold,
      long partSize,
      S3Presigner presigner,
      java.time.Duration lifetime) {
    this.presigner = presigner;
    this.presignedLifetime = lifetime;
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "kinora.media.s3.bucket must be set when kinora.media.storage=s3");
    }
    if (partSize < 5L * 1024 * 1024 || partSize > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("kinora.media.s3.part-size must be between 5MB and 1GB");
    }
    this.s3 = s3;
    this.bucket = bucket;
    this.multipartThreshold = Math.max(multipartThreshold, partSize);
    this.partSize = (int) partSize;
  }

  static S3BlobStore connect(MediaProperties.S3 config) {
    var access = new S3Access(
        config.endpoint(),
        config.region(),
        config.pathStyle(),
        config.accessKey(),
        config.secretKey());
    var credentials = access.credentials();
    S3Presigner presigner = null;
    if (config.presignedRedirects()) {
      var builder = S3Presigner.builder()
          .region(Region.of(config.region()))
          .credentialsProvider(credentials)
          .serviceConfiguration(S3Configuration.builder()
              .pathStyleAccessEnabled(config.pathStyle())
              .build());
      if (config.endpoint() != null) {
        builder.endpointOverride(config.endpoint());
      }
      presigner = builder.build();
    }
    return new S3BlobStore(
        access.client(credentials),
        config.bucket(),
        config.multipartThreshold().toBytes(),
        config.partSize().toBytes(),
        presigner,
        config.presignedLifetime());
  }

  @Override
  public void put(BlobKey key, Path source) throws IOException {
    long size = Files.size(source);
    try {
      if (size < multipartThreshold) {
        s3.putObject(
            b -> b.bucket(bucket).key(key.value()).contentLength(size),
            RequestBody.fromFile(source));
      } else {
        putInParts(key, source);
      }
    } catch (SdkException e) {
      throw new IOException("could not store " + key + " in bucket " + bucket, e);
    }
  }

  private void putInParts(BlobKey key, Path source) throws IOException {
    var uploadId =
        s3.createMultipartUpload(b -> b.bucket(bucket).key(key.value())).uploadId();
    try (var in = Files.newInputStream(source)) {
      var parts = new ArrayList<CompletedPart>();
      var buffer = new byte[partSize];
      for (int number = 1, read; (read = in.readNBytes(buffer, 0, partSize)) > 0; number++) {
        int partNumber = number;
        long length = read;
        var etag = s3.uploadPart(
                b -> b.bucket(bucket)
                    .key(key.value())
                    .uploadId(uploadId)
                    .partNumber(partNumber)
                    .contentLength(length),
                RequestBody.fromBytes(
                    read == partSize ? buffer : java.util.Arrays.copyOf(buffer, read)))
            .eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
      }
      s3.completeMultipartUpload(b -> b.bucket(bucket)
          .key(key.value())
          .uploadId(uploadId)
          .multipartUpload(m -> m.parts(parts)));
    } catch (IOException | RuntimeException e) {
      abortQuietly(key, uploadId);
      throw e;
    }
  }

  private void abortQuietly(BlobKey key, String uploadId) {
    try {
      s3.abortMultipartUpload(b -> b.bucket(bucket).key(key.value()).uploadId(uploadId));
    } catch (SdkException ignored) {
      // the bucket's lifecycle rule for incomplete uploads cleans up what we could not
    }
  }

  @Override
  public Optional<Resource> open(BlobKey key) {
    try {
      var head = s3.headObject(b -> b.bucket(bucket).key(key.value()));
      if (presigner != null) {
        return Optional.of(new S3ObjectResource.Presignable(
            s3,
            bucket,
            key,
            head.contentLength(),
            head.lastModified(),
            presigner,
            presignedLifetime));
      }
      return Optional.of(
          new S3ObjectResource(s3, bucket, key, head.contentLength(), head.lastModified()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Opens the object's bytes from {@code offset} on; used by {@link S3ObjectResource}. */
  static software.amazon.awssdk.core.ResponseInputStream<?> get(
      S3Client s3, String bucket, BlobKey key, long offset) {
    return s3.getObject(
        b -> b.bucket(bucket).key(key.value()).range(offset > 0 ? "bytes=" + offset + "-" : null));
  }

  @Override
  public void delete(BlobKey key) throws IOException {
    try {
      s3.deleteObject(b -> b.bucket(bucket).key(key.value()));
    } catch (SdkException e) {
      throw new IOException("could not delete " + key + " from bucket " + bucket, e);
    }
  }

  @Override
  public void list(String prefix, Consumer<StoredBlob> action) throws IOException {
    try {
      for (var object :
          s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
        action.accept(
            new StoredBlob(new BlobKey(object.key()), object.size(), object.lastModified()));
      }
    } catch (SdkException e) {
      throw new IOException("could not list bucket " + bucket, e);
    }
  }

  /** Deletes up to 1000 keys per request instead of one request each. */
  @Override
  public void deleteAll(java.util.Collection<String> keys) {
    var all = List.copyOf(keys);
    for (int from = 0; from < all.size(); from += 1000) {
      var batch = all.subList(from, Math.min(all.size(), from + 1000)).stream()
          .map(k -> software.amazon.awssdk.services.s3.model.ObjectIdentifier.builder()
              .key(new BlobKey(k).value())
              .build())
          .toList();
      var result =
          s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
      if (result.hasErrors() && !result.errors().isEmpty()) {
        throw new java.io.UncheckedIOException(
            new IOException("could not delete " + result.errors().getFirst().key() + ": "
                + result.errors().getFirst().message()));
      }
    }
  }

  S3Client client() {
    return s3;
  }

  @Override
  public void close() {
    s3.close();
    if (presigner != null) {
      presigner.close();
    }
  }
}
