package app.kinora.media.internal;

import app.kinora.media.BlobStore;
import app.kinora.media.MediaProperties;
import app.kinora.shared.ExtraMediaSources;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the blob store from {@code kinora.media.storage}: the file system unless told otherwise. */
@Configuration(proxyBeanMethods = false)
class BlobStoreConfiguration {

  @Bean
  @ConditionalOnProperty(
      name = "kinora.media.storage",
      havingValue = "filesystem",
      matchIfMissing = true)
  BlobStore fileSystemBlobStore(MediaProperties properties) throws IOException {
    return new FileSystemBlobStore(properties.storageDir());
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnProperty(name = "kinora.media.storage", havingValue = "s3")
  S3BlobStore s3BlobStore(MediaProperties properties) {
    return S3BlobStore.connect(properties.s3());
  }

  /** With presigned redirects, players and pictures load from the bucket's origin. */
  @Bean
  @ConditionalOnProperty(name = "kinora.media.storage", havingValue = "s3")
  ExtraMediaSources bucketOrigin(MediaProperties properties) {
    var s3 = properties.s3();
    return () -> s3.presignedRedirects() ? java.util.List.of(s3.origin()) : java.util.List.of();
  }
}
