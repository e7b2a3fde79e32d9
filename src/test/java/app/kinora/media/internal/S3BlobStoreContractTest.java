package app.kinora.media.internal;

import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import org.gaul.s3proxy.junit.S3ProxyExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The blob store contract against a real S3 server (s3proxy) in this process, path-style. */
class S3BlobStoreContractTest extends BlobStoreContract {

  @RegisterExtension
  static final S3ProxyExtension S3 =
      S3ProxyExtension.builder().withCredentials("access", "secret").build();

  private S3BlobStore store;

  @BeforeEach
  void createBucketAndStore() {
    var config = new MediaProperties.S3(
        S3.getUri(),
        "us-east-1",
        "kinora-test",
        true,
        S3.getAccessKey(),
        S3.getSecretKey(),
        DataSize.ofMegabytes(5),
        DataSize.ofMegabytes(5),
        false,
        java.time.Duration.ofMinutes(5));
    store = S3BlobStore.connect(config);
    store.client().createBucket(b -> b.bucket("kinora-test"));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Override
  BlobStore store() {
    return store;
  }
}
