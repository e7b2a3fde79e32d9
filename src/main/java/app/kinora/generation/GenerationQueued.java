package app.kinora.generation;

import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.time.Instant;

/** A video was asked for and waits for a worker; its credits are on hold. */
public record GenerationQueued(
    GenerationId id, UserId owner, VideoSpec<GenerationReferences> spec, Instant createdAt) {}
