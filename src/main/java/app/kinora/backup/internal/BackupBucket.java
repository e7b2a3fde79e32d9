package app.kinora.backup.internal;

import app.kinora.backup.BackupProperties;
import app.kinora.media.S3Access;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The part of an S3-compatible bucket under a prefix ({@code s3://bucket/prefix}) that holds
 * backups: keys are given relative to the prefix. Files go up in one request each (S3's limit for
 * one request is 5 GB per file).
 */
final class BackupBucket implements AutoCloseable {

  static final String SCHEME = "s3://";

  private final S3Client s3;
  private final String bucket;
  private final String prefix;

  private BackupBucket(S3Client s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  static boolean isBucket(String location) {
    return location != null && location.startsWith(SCHEME);
  }

  /** Connects to {@code s3://bucket/prefix} with the credentials of {@code kinora.backup.s3}. */
  static BackupBucket connect(String location, BackupProperties.S3 config) {
    var uri = URI.create(location);
    var bucket = uri.getAuthority();
    if (!isBucket(location) || bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException(
          "A backup bucket is given as s3://bucket or s3://bucket/prefix, not " + location);
    }
    var path = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
    var access = new S3Access(
        config.endpoint(),
        config.region(),
        config.pathStyle(),
        config.accessKey(),
        config.secretKey());
    return new BackupBucket(access.client(), bucket, path.isEmpty() ? "" : path + "/");
  }

  /** The address of a key: what {@code ./kinora restore} is given. */
  String location(String key) {
    return SCHEME + bucket + "/" + prefix + key;
  }

  void upload(Path file, String key) throws IOException {
    long size = Files.size(file);
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(prefix + key).contentLength(size), RequestBody.fromFile(file));
    } catch (SdkException e) {
      throw new IOException("could not write " + location(key), e);
    }
  }

  void download(String key, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (var in = open(key)) {
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  InputStream open(String key) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
    } catch (SdkException e) {
      throw new IOException("could not read " + location(key), e);
    }
  }

  boolean exists(String key) throws IOException {
    try {
      s3.headObject(b -> b.bucket(bucket).key(prefix + key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw new IOException("could not look for " + location(key), e);
    } catch (SdkException e) {
      throw new IOException("could not look for " + location(key), e);
    }
  }

  /** Every key under {@code under} (relative to the prefix, as are the keys returned). */
  List<String> list(String under) throws IOException {
    var keys = new ArrayList<String>();
    try {
      for (var object : s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix + under))
          .contents()) {
        keys.add(object.key().substring(prefix.length()));
      }
    } catch (SdkException e) {
      throw new IOException("could not list " + location(under), e);
    }
    return keys;
  }

  /** Deletes the keys, up to 1000 per request. */
  void delete(Collection<String> keys) throws IOException {
    var all = List.copyOf(keys);
    try {
      for (int from = 0; from < all.size(); from += 1000) {
        var batch = all.subList(from, Math.min(all.size(), from + 1000)).stream()
            .map(key -> ObjectIdentifier.builder().key(prefix + key).build())
            .toList();
        var result =
            s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(batch).quiet(true)));
        if (result.hasErrors() && !result.errors().isEmpty()) {
          throw new IOException("could not delete " + result.errors().getFirst().key() + " from "
              + location("") + ": " + result.errors().getFirst().message());
        }
      }
    } catch (SdkException e) {
      throw new IOException("could not delete from " + location(""), e);
    }
  }

  @Override
  public void close() {
    s3.close();
  }
}
