package app.kinora.generation;

import java.time.Instant;

/**
 * The part of a {@link Generation} that changes; {@code output} only when completed, {@code
 * failure} only when failed.
 */
public record GenerationState(
    GenerationStatus status,
    int attempt,
    int progress,
    GenerationFailure failure,
    Generation.Output output,
    Instant completedAt) {}
