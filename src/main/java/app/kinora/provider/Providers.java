package app.kinora.provider;

import app.kinora.provider.spi.ProgressListener;
import app.kinora.provider.spi.ProviderFailure;
import app.kinora.provider.spi.ProviderInfo;
import app.kinora.provider.spi.ReferenceMedia;
import app.kinora.shared.UserId;
import app.kinora.shared.VideoSpec;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The provider module's API: make a generation's video on the best available route. */
public interface Providers {

  /**
   * Makes the video and writes it as MP4 to {@code output}. A local model renders here; an alias
   * runs on its first healthy route that can serve the request, falling back to the next route
   * when one fails for a reason another route may not share, before any output exists. A job
   * submitted before a restart is resumed, not submitted again. Blocks until done.
   *
   * @throws ProviderFailure with a machine code and a user-readable message
   */
  void generate(
      GenerationTicket ticket,
      VideoSpec<ReferenceMedia> request,
      ProgressListener progress,
      Path output);

  /**
   * Whether the model is made on this machine by a renderer whose output is by construction what
   * was asked (see {@link app.kinora.provider.spi.LocalVideoProvider#makesWhatWasAsked}); every
   * other model's output is probed before it is kept.
   */
  boolean makesWhatWasAsked(String model);

  /** What was sent where for a generation, oldest first. */
  List<Transfer> transfers(UUID generation);

  /**
   * What was sent where for these generations of the owner's, oldest first; another user's
   * generations give nothing.
   */
  List<Transfer> transfers(UserId owner, Collection<UUID> generations);

  /** The enabled platforms with their countries, e.g. for the privacy policy's list of recipients. */
  List<ProviderInfo> platforms();

  /** What the model will draw of the prompt's words, when it reads prompts by rule. */
  java.util.Optional<app.kinora.provider.spi.PromptReading> read(String model, String prompt);
}
