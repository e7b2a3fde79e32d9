package app.kinora.billing;

import app.kinora.shared.VideoSize;
import java.util.Objects;

/** What a price depends on: the model, the length, the frame size and whether there is sound. */
public record PriceRequest(String model, int seconds, VideoSize size, boolean audio) {

  public PriceRequest {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(size, "size");
    if (seconds < 0) {
      throw new IllegalArgumentException("seconds must not be negative");
    }
  }
}
