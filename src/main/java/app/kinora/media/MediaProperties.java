package app.kinora.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults of the directories live in {@code application.yml} (under {@code kinora.data-dir}),
 * where placeholders resolve.
 *
 * @param storageDir where the file-system blob store keeps objects
 * @param workDir scratch space for renders, uploads and downloads in progress
 * @param probeTimeout wall-clock limit of one FFmpeg child process
 * @param maxImageSize largest image upload
 * @param maxAudioSize largest audio upload
 * @param maxVideoSize largest video upload
 * @param maxPixels largest image or video frame, width times height (decompression bombs)
 * @param maxDecodedImageSize most memory an image may take once decoded, read from its header:
 *     pixels times channels times bytes per channel (the default fits the largest picture at four
 *     8-bit channels; 16-bit pictures may have half as many pixels)
 * @param maxMediaDuration longest audio or video upload
 * @param userQuota the most bytes of uploads one user may keep
 * @param storage where objects live: {@code filesystem} (under {@code storageDir}) or {@code s3}
 * @param s3 the S3-compatible object store, when {@code storage} is {@code s3}
 * @param signedUrlLifetime how long a signed media link (for {@code <video>} tags and downloads) works
 */
@Validated
@ConfigurationProperties("kinora.media")
public record MediaProperties(
    @NotNull Path storageDir,
    @NotNull Path workDir,
    @NotNull @DefaultValue("60s") Duration probeTimeout,
    @NotNull @DefaultValue("20MB") DataSize maxImageSize,
    @NotNull @DefaultValue("50MB") DataSize maxAudioSize,
    @NotNull @DefaultValue("500MB") DataSize maxVideoSize,
    @Min(1) @DefaultValue("40000000") long maxPixels,
    @NotNull @DefaultValue("160MB") DataSize maxDecodedImageSize,
    @NotNull @DefaultValue("10m") Duration maxMediaDuration,
    @NotNull @DefaultValue("2GB") DataSize userQuota,
    @NotNull @DefaultValue("filesystem") Storage storage,
    @Valid @NotNull @DefaultValue S3 s3,
    @NotNull @DefaultValue("10m") Duration signedUrlLifetime) {

  /** The kinds of blob store. */
  public enum Storage {
    FILESYSTEM,
    S3
  }

  /**
   * An S3-compatible object store (AWS S3, MinIO, Cloudflare R2, …).
   *
   * @param endpoint the service's URL; unset for AWS's regional endpoint
   * @param region the signing region ({@code auto} for R2)
   * @param bucket the bucket, which must exist
   * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key} (MinIO)
   * @param accessKey unset to use the SDK's default credentials chain (environment, profile, role)
   * @param secretKey the access key's secret
   * @param multipartThreshold objects at least this large are sent in parts
   * @param partSize the size of one part (S3 requires at least 5 MB)
   * @param presignedRedirects answer file requests with a redirect to a presigned URL of the
   *     object, valid for {@code presignedLifetime}, instead of streaming it through Kinora
   * @param presignedLifetime how long such a URL works
   */
  public record S3(
      URI endpoint,
      @NotNull @DefaultValue("us-east-1") String region,
      String bucket,
      @DefaultValue("false") boolean pathStyle,
      String accessKey,
      String secretKey,
      @NotNull @DefaultValue("16MB") DataSize multipartThreshold,
      @NotNull @DefaultValue("8MB") DataSize partSize,
      @DefaultValue("false") boolean presignedRedirects,
      @NotNull @DefaultValue("5m") java.time.Duration presignedLifetime) {

    /** The origin browsers fetch presigned URLs from, for the pages' Content-Security-Policy. */
    public String origin() {
      if (endpoint != null) {
        var port = endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort();
        var host = pathStyle ? endpoint.getHost() : bucket + "." + endpoint.getHost();
        return endpoint.getScheme() + "://" + host + port;
      }
      return "https://" + bucket + ".s3." + region + ".amazonaws.com";
    }
  }

  public DataSize maxSize(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> maxImageSize;
      case AUDIO -> maxAudioSize;
      case VIDEO -> maxVideoSize;
    };
  }
}
