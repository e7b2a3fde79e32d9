package app.kinora.media;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Defaults live in {@code application.yml} (under {@code kinora.data-dir}), where placeholders
 * resolve.
 *
 * @param storageDir where the file-system blob store keeps objects
 * @param workDir scratch space for renders and downloads in progress
 * @param probeTimeout wall-clock limit of one ffprobe child process
 */
@Validated
@ConfigurationProperties("kinora.media")
public record MediaProperties(
    @NotNull Path storageDir,
    @NotNull Path workDir,
    @NotNull @DefaultValue("30s") Duration probeTimeout) {}
