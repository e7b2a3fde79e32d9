package app.kinora.media;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * How to reach an S3-compatible service (AWS, R2, MinIO, s3proxy): the blob store's bucket and
 * the backups' bucket are configured alike and connected through this one place.
 *
 * @param endpoint the service's URL; null for AWS's regional endpoint
 * @param region the signing region
 * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
 * @param accessKey null to use the SDK's default credentials chain (environment, profile, role)
 * @param secretKey the access key's secret
 */
public record S3Access(
    URI endpoint, String region, boolean pathStyle, String accessKey, String secretKey) {

  /** The configured key, or the SDK's default chain when none is. */
  public AwsCredentialsProvider credentials() {
    return accessKey == null
        ? DefaultCredentialsProvider.builder().build()
        : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
  }

  /** A client for the service, signing with {@link #credentials()}. */
  public S3Client client() {
    return client(credentials());
  }

  /** A client for the service signing with {@code credentials}, shared with a presigner, say. */
  public S3Client client(AwsCredentialsProvider credentials) {
    var client = S3Client.builder()
        .region(Region.of(region))
        .forcePathStyle(pathStyle)
        .credentialsProvider(credentials);
    if (endpoint != null) {
      client.endpointOverride(endpoint);
    }
    return client.build();
  }
}
