package app.kinora.generation;

import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.time.Instant;

/** The video could not be made, or its owner cancelled it; its hold was released in the same transaction. */
public record GenerationFailed(
    GenerationId id,
    UserId owner,
    VideoSpec<GenerationReferences> spec,
    GenerationFailure failure,
    Instant createdAt,
    Instant failedAt) {}
