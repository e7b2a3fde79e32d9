package app.kinora.provider.spi;

import app.kinora.shared.VideoSize;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a provider receives for one generation, and nothing more: no user id, email, name
 * or IP address ever reaches a provider.
 */
public record ProviderRequest(String model, String prompt, Duration duration, VideoSize size, long seed) {

  public ProviderRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(prompt, "prompt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(size, "size");
  }
}
