package app.kinora.media;

import app.kinora.shared.UserId;
import java.time.Duration;
import java.time.Instant;

/**
 * An accepted upload: only its sanitised copy is stored (images as PNG, audio as WAV, video as
 * MP4), without the metadata the original carried.
 *
 * @param width pixels, 0 for audio
 * @param height pixels, 0 for audio
 * @param duration zero for images
 */
public record Upload(
    UploadId id,
    UserId owner,
    MediaKind kind,
    long bytes,
    int width,
    int height,
    Duration duration,
    Instant createdAt) {}
