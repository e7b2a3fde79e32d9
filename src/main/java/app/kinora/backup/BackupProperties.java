package app.kinora.backup;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Backups of the database and the blob store (see {@code docs/operations.md}).
 *
 * @param directory where backups go (one directory each, with the shared {@code objects/}) unless
 *     {@code target} names a bucket
 * @param target empty for {@code directory}, or {@code s3://bucket/prefix}: backups go to that
 *     bucket (reached with {@code s3}'s settings), under that prefix
 * @param erasureLog where erasures and deletions are logged for replay after a restore: outside
 *     the database and every backup
 * @param retention how long a backup is kept (the newest is always kept)
 * @param schedule a cron expression (six fields, seconds first) for scheduled backups, run by one
 *     worker node; empty: none
 * @param restoreFrom a backup to restore into the empty database and blob store as the node starts:
 *     its directory, or {@code s3://bucket/prefix/kinora-<time>}
 * @param s3 the S3-compatible service of a backup bucket
 */
@Validated
@ConfigurationProperties("kinora.backup")
public record BackupProperties(
    @NotNull Path directory,
    @DefaultValue("") String target,
    @NotNull Path erasureLog,
    @NotNull @DefaultValue("14d") Duration retention,
    @DefaultValue("") String schedule,
    String restoreFrom,
    @Valid @NotNull @DefaultValue S3 s3) {

  /**
   * The S3-compatible service a backup bucket is in.
   *
   * @param endpoint the service's URL; unset for AWS's regional endpoint
   * @param region the signing region ({@code auto} for R2)
   * @param pathStyle {@code http://host/bucket/key} instead of {@code http://bucket.host/key}
   * @param accessKey unset to use the SDK's default credentials chain (environment, profile, role)
   * @param secretKey the access key's secret
   */
  public record S3(
      URI endpoint,
      @NotNull @DefaultValue("us-east-1") String region,
      @DefaultValue("false") boolean pathStyle,
      String accessKey,
      String secretKey) {}
}
