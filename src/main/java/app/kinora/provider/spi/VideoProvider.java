package app.kinora.provider.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * A back end that turns a prompt into a video: the built-in local renderer or an adapter for a
 * third-party platform. Implementations are Spring beans; the {@link
 * app.kinora.provider.ModelCatalog} finds them.
 */
public interface VideoProvider {

  /** Stable id of this provider, e.g. {@code local}; used in logs and the transfer log. */
  String id();

  /** The models this provider serves, with what each can do. */
  List<ModelDescriptor> models();

  /**
   * Generates the video and writes it as MP4 to {@code output}. Blocks until done; reports
   * progress as it goes and reacts to thread interruption by stopping.
   *
   * @throws ProviderFailure when the provider cannot produce the video
   */
  void generate(ProviderRequest request, ProgressListener progress, Path output);
}
