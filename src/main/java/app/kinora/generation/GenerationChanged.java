package app.kinora.generation;

import app.kinora.shared.UserId;

/**
 * A generation was created or changed state (queued, started, completed, failed, deleted).
 * Published synchronously inside the change's transaction, when there is one; listeners look the
 * generation up through {@link Generations} and must be idempotent.
 */
public record GenerationChanged(GenerationId id, UserId owner) {}
