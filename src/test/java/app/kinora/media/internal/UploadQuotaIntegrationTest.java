package app.kinora.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.kinora.IntegrationTest;
import app.kinora.media.BlobStore;
import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import app.kinora.media.MediaRejected;
import app.kinora.media.TestMedia;
import app.kinora.shared.UserId;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.unit.DataSize;

class UploadQuotaIntegrationTest extends IntegrationTest {

  @Autowired
  MediaProperties defaults;

  @Autowired
  BlobStore blobs;

  @Autowired
  UploadRepository repository;

  @Test
  void refusesAnUploadThatWouldExceedTheUsersQuotaAndKeepsNothingOfIt() {
    var first = intake(DataSize.ofBytes(1)).accept(UserId.random(), MediaKind.IMAGE, png());
    var owner = first.owner();
    var intake = intake(DataSize.ofBytes(first.bytes() + first.bytes() / 2));

    assertThatThrownBy(() -> intake.accept(owner, MediaKind.IMAGE, png()))
        .isInstanceOfSatisfying(MediaRejected.class, e -> {
          assertThat(e.reason()).isEqualTo(MediaRejected.Reason.QUOTA_EXCEEDED);
          assertThat(e.getMessage()).contains("delete some");
        });
    assertThat(repository.all(owner)).containsExactly(first);
    var other = UserId.random();
    assertThat(intake.accept(other, MediaKind.IMAGE, png()).owner())
        .as("quotas are per user")
        .isEqualTo(other);
  }

  @Autowired
  org.springframework.transaction.support.TransactionTemplate transactions;

  private UploadIntake intake(DataSize quota) {
    var d = defaults;
    var properties = new MediaProperties(
        d.storageDir(),
        d.workDir(),
        d.probeTimeout(),
        d.maxImageSize(),
        d.maxAudioSize(),
        d.maxVideoSize(),
        d.maxPixels(),
        d.maxDecodedImageSize(),
        d.maxMediaDuration(),
        quota.toBytes() == 1 ? d.userQuota() : quota,
        d.storage(),
        d.s3(),
        d.signedUrlLifetime());
    return new UploadIntake(properties, blobs, repository, event -> {}, transactions);
  }

  private static ByteArrayInputStream png() {
    return new ByteArrayInputStream(TestMedia.png(64, 48));
  }
}
