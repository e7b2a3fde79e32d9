package app.kinora.generation;

import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import java.util.List;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** The generation module's API: submit, look up and fetch the results of generations. */
public interface Generations {

  /**
   * Validates the request, records it and queues its job, all in one transaction.
   *
   * @throws InvalidGenerationRequest naming the field at fault
   */
  Generation submit(UserId owner, GenerationRequest request);

  /** The owner's generation; another user's id is simply not found. */
  Optional<Generation> find(UserId owner, GenerationId id);

  /**
   * Stops the owner's generation if it has not ended: it fails with the code {@code cancelled}
   * and its credits are released. Returns whether it was stopped (false: unknown, another user's,
   * or already ended).
   */
  boolean cancel(UserId owner, GenerationId id);

  /** The owner's newest generations first. */
  List<Generation> recent(UserId owner, int limit);

  /** The owner's completed generations, newest first. */
  List<Generation> completed(UserId owner);

  /** A file of a completed generation of the owner's, ready for range requests. */
  Optional<Resource> output(UserId owner, GenerationId id, OutputVariant variant);

  /** Every model users may choose, the default first. */
  List<ModelDescriptor> models();
}
