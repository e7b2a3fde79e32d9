package app.kinora.media;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
 * @param maxMediaDuration longest audio or video upload
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
    @NotNull @DefaultValue("10m") Duration maxMediaDuration) {

  public DataSize maxSize(MediaKind kind) {
    return switch (kind) {
      case IMAGE -> maxImageSize;
      case AUDIO -> maxAudioSize;
      case VIDEO -> maxVideoSize;
    };
  }
}
