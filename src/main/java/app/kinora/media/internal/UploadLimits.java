package app.kinora.media.internal;

import app.kinora.media.MediaKind;
import app.kinora.media.MediaProperties;
import jakarta.servlet.MultipartConfigElement;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * The servlet's multipart limits follow the upload sizes media takes, so that the two never
 * disagree: a part may be as large as the largest kind ({@code kinora.media.max-video-size}), a
 * request may carry one file of each kind at its largest plus {@value #FORM_FIELDS_MB} MB of form
 * fields. Parts are spooled to the work directory, not the system's temporary one. Media's own caps
 * per kind still apply as each file is read.
 */
@Configuration(proxyBeanMethods = false)
class UploadLimits {

  static final int FORM_FIELDS_MB = 1;

  @Bean
  MultipartConfigElement multipartConfigElement(MediaProperties properties) throws IOException {
    long[] sizes = Arrays.stream(MediaKind.values())
        .map(properties::maxSize)
        .mapToLong(DataSize::toBytes)
        .toArray();
    long largestPart = Arrays.stream(sizes).max().orElseThrow();
    long largestRequest =
        Arrays.stream(sizes).sum() + DataSize.ofMegabytes(FORM_FIELDS_MB).toBytes();
    var spool = Files.createDirectories(properties.workDir());
    return new MultipartConfigElement(
        spool.toAbsolutePath().toString(), largestPart, largestRequest, 0);
  }
}
