package app.kinora.generation;

import app.kinora.shared.UserId;
import java.util.List;

/** Its owner deleted a finished generation; {@code keys} are the stored files that went with it. */
public record GenerationDeleted(GenerationId id, UserId owner, List<String> keys) {}
