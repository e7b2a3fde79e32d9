package app.kinora.billing;

import java.util.Objects;
import java.util.UUID;

/** Names a hold; the caller chooses it (a generation uses its own id), so it can end it later. */
public record HoldId(UUID value) {

  public HoldId {
    Objects.requireNonNull(value, "hold id");
  }
}
