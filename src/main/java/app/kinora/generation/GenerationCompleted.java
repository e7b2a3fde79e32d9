package app.kinora.generation;

import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.time.Instant;

/** The video is made and stored; its hold was captured in the same transaction. */
public record GenerationCompleted(
    GenerationId id,
    UserId owner,
    VideoSpec<GenerationReferences> spec,
    Generation.Output output,
    Instant createdAt,
    Instant completedAt) {}
