package app.kinora.generation;

import app.kinora.provider.spi.ModelDescriptor;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;

/** The generation module's API: ask for videos, look them up, stop them, fetch their files. */
public interface Generations {

  /**
   * The one way a video is asked for. Checks the cheap things first (model, capabilities, counts,
   * price against the balance), then has media accept the attached files, then holds the credits,
   * records the generation and queues its job in one transaction. A refusal at any step keeps
   * none of the files it took.
   *
   * @param spec what the video should be; null fields take the model's defaults, references name
   *     uploads the owner already has
   * @param files files sent with the request; a file for a role replaces an upload named for it
   * @throws InvalidGenerationRequest naming the field at fault
   * @throws app.kinora.billing.InsufficientCredits when the balance does not cover the price
   */
  default Generation submit(
      UserId owner, VideoSpec<GenerationReferences> spec, Attachment.Files files) {
    return submit(owner, spec, files, null);
  }

  /**
   * {@link #submit(UserId, VideoSpec, Attachment.Files)} for a video made from another of the
   * owner's: a remix, an edit or an extension. The edge builds the spec from the source's settings;
   * the source must be the owner's and completed. An extension's output is the source followed by
   * the new seconds.
   *
   * @param lineage null for a video made from scratch
   */
  Generation submit(
      UserId owner, VideoSpec<GenerationReferences> spec, Attachment.Files files, Lineage lineage);

  /**
   * A page of the owner's generations by creation time, newest first unless {@code ascending},
   * starting after the generation {@code after} (null: from the start).
   *
   * @throws InvalidGenerationRequest when {@code after} is not one of the owner's generations
   */
  GenerationPage page(UserId owner, GenerationId after, boolean ascending, int limit);

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

  /**
   * Whether a model's videos are AI-generated: made by a trained model on a platform (the
   * local renderer is a procedural program, not a trained model).
   */
  boolean aiGenerated(String model);

  /** Every model users may choose, the default first. */
  List<ModelDescriptor> models();

  /**
   * Where the data of these generations of the owner's went (the transfer log), oldest first;
   * each id asked for maps to a list, empty when nothing was sent, and another user's generations
   * send nothing back.
   */
  Map<GenerationId, List<DataSent>> dataSent(UserId owner, Collection<GenerationId> ids);
}
