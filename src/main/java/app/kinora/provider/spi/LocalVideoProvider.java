package app.kinora.provider.spi;

import app.kinora.shared.VideoSpec;
import java.nio.file.Path;

/** A provider that renders on this machine: nothing leaves Kinora, so nothing is logged as sent. */
public interface LocalVideoProvider extends VideoProvider {

  /**
   * Generates the video and writes it as MP4 to {@code output}. Blocks until done; reports
   * progress as it goes and reacts to thread interruption by stopping.
   *
   * @throws ProviderFailure when the provider cannot produce the video
   */
  void generate(VideoSpec<ReferenceMedia> request, ProgressListener progress, Path output);

  /**
   * Whether what {@link #generate} writes is by construction the size and length asked, with its
   * index at the front, so that probing it again would only cost the person time.
   */
  default boolean makesWhatWasAsked() {
    return false;
  }
}
