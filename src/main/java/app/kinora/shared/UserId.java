package app.kinora.shared;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** Identifies a Kinora user. Opaque; never derived from personal data. */
public record UserId(UUID value) implements Serializable {

  public UserId {
    Objects.requireNonNull(value, "user id");
  }

  public static UserId random() {
    return new UserId(UUID.randomUUID());
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
