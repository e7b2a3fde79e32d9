package app.kinora.media;

import java.util.Objects;
import java.util.UUID;

/** Identifies an accepted, sanitised upload. */
public record UploadId(UUID value) {

  public UploadId {
    Objects.requireNonNull(value, "upload id");
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
