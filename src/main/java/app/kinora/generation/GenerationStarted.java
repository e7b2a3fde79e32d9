package app.kinora.generation;

import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.time.Instant;

/** A worker began an attempt at the video (a later attempt follows a node that died). */
public record GenerationStarted(
    GenerationId id,
    UserId owner,
    VideoSpec<GenerationReferences> spec,
    Instant createdAt,
    int attempt) {}
