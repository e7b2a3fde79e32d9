package app.kinora.provider.spi;

import java.util.List;

/**
 * A back end that turns a prompt into a video. Two kinds exist: a {@link LocalVideoProvider}
 * renders in this process (the built-in renderer), a {@link RemoteVideoProvider} is an adapter for
 * a third-party platform that runs jobs remotely. Implementations are Spring beans.
 */
public interface VideoProvider {

  /** Stable id of this provider, e.g. {@code local} or {@code fal}; used in routes and logs. */
  String id();

  /** The models this provider serves, with what each can do, under the provider's own ids. */
  List<ModelDescriptor> models();

  /** What {@code model} will make of {@code prompt}'s words, for models that read by rule. */
  default java.util.Optional<PromptReading> read(String model, String prompt) {
    return java.util.Optional.empty();
  }
}
